import pytest

from borderless.core.accounts import normalise_email


@pytest.mark.parametrize(
    "spelling",
    [
        "sme.de@demo.borderless.example",
        "SME.DE@DEMO.BORDERLESS.EXAMPLE",
        "\u017fme.de@demo.borderless.example",  # long s, which PostgreSQL's UPPER() turns into "S"
        "  Sme.De@Demo.Borderless.Example ",
        "\uff53me.de@demo.borderless.example",  # full-width s
    ],
)
def test_every_spelling_of_one_address_has_one_normal_form(spelling):
    assert normalise_email(spelling) == "sme.de@demo.borderless.example"


def test_the_kelvin_sign_and_sharp_s_fold_like_their_letters():
    assert normalise_email("\u212aarl@example.org") == "karl@example.org"
    assert normalise_email("STRASSE@example.org") == normalise_email("straße@example.org")


def test_different_addresses_stay_different():
    assert normalise_email("sme.nl@example.org") != normalise_email("sme.de@example.org")
    assert normalise_email("müller@example.org") != normalise_email("muller@example.org")


def test_the_normal_form_is_stable():
    once = normalise_email("\u017fme.ÄÖÜ@Example.ORG")
    assert normalise_email(once) == once
