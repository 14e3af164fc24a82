import pytest

from borderless.core.names import name_key, same_name


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Novel-T", "Novel-T"),
        ("Novel-T", "novel t"),
        ("Novel-T", "NOVEL-T B.V."),
        ("Novel-T", "Stichting Novel\u2011T"),  # non-breaking hyphen
        ("Münster Digital GmbH", "Munster Digital"),
        ("Zenit GmbH", "ZENIT e. V."),
        ("Becker Frästechnik GmbH & Co. KG", "Becker Fraestechnik".replace("ae", "ä")),
        ("Digihub Aachen e.V.", "DigiHub Aachen"),
        ("Oost NL", "Oost N.L."),
    ],
)
def test_the_same_name_written_differently_matches(a, b):
    assert same_name(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Novel-T", "Novel-X"),
        ("Oost NL", "BOM"),
        ("Digihub Aachen", "Digihub Münster"),
        ("", ""),
    ],
)
def test_different_names_do_not_match(a, b):
    assert not same_name(a, b)


def test_a_name_that_is_only_a_legal_form_keeps_it():
    assert name_key("GmbH") == "gmbh"
