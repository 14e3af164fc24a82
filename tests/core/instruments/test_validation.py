"""Parameter checks, as used by the editor and by imports: every problem in the three languages."""

import pytest

from borderless.core.i18n import LANGUAGES, Content
from borderless.core.instruments import (
    EMPTY_REFERENCE,
    REGISTRY,
    Catalogue,
    Criterion,
    InvalidCriterion,
    UnknownCriterionType,
    validate_criteria,
)
from tests.core.translations import tr

from .helpers import REFERENCE, instrument


def problems(key, params, reference=EMPTY_REFERENCE):
    return REGISTRY.validate(Criterion(key, params), reference)


def codes(key, params, reference=EMPTY_REFERENCE):
    return [p.code for p in problems(key, params, reference)]


VALID = [
    ("country", {"countries": ["NL", "DE"]}),
    ("region", {"codes": ["NL213", "DEA3", "NL"]}),
    ("programme_area", {}),
    ("euregio", {"euregios": ["euregio-rhein-maas-nord"]}),
    ("organisation_kind", {"kinds": ["company", "hub"]}),
    ("size_class", {"classes": ["micro"]}),
    ("sector", {"sections": ["C"]}),
    ("sector", {"divisions": ["62"]}),
    ("follower_group", {"groups": ["late_follower"]}),
    ("acatech_stage", {"min": 0, "max": 6}),
    ("acatech_stage", {"max": 2}),
    ("technology_readiness", {"min": 1, "max": 9}),
    ("cross_border_partner", {}),
    ("max_firm_age", {"years": 5}),
    ("free_text", {"text": {"en": "a", "de": "b", "nl": "c"}}),
    ("free_text", {"text": Content("a", "b", "c")}),
]


@pytest.mark.parametrize(("key", "params"), VALID)
def test_valid_parameters_pass(key, params):
    assert problems(key, params) == []


def test_min_above_max_is_refused_with_both_numbers_in_each_language():
    (problem,) = problems("acatech_stage", {"min": 5, "max": 3})
    assert problem.code == "min_above_max"
    assert problem.param == "min"
    for lang in LANGUAGES:
        assert "5" in tr(problem.message, lang) and "3" in tr(problem.message, lang)
    assert tr(problem.message, "de") == "Das Minimum (5) liegt über dem Maximum (3)."
    assert codes("technology_readiness", {"min": 8, "max": 2}) == ["min_above_max"]


@pytest.mark.parametrize(
    ("key", "params", "expected"),
    [
        ("acatech_stage", {}, ["needs_min_or_max"]),
        ("acatech_stage", {"min": 7}, ["out_of_range"]),
        ("acatech_stage", {"min": "3"}, ["wrong_type"]),
        ("acatech_stage", {"min": True}, ["wrong_type"]),
        ("technology_readiness", {"min": 0}, ["out_of_range"]),
        ("max_firm_age", {}, ["missing"]),
        ("max_firm_age", {"years": -1}, ["out_of_range"]),
        ("country", {"countries": ["BE"]}, ["bad_code"]),
        ("country", {"countries": "NL"}, ["wrong_type"]),
        ("country", {"countries": []}, ["empty"]),
        ("region", {"codes": ["NL2134", "XX1", "Twente", "NL213"]}, ["bad_code", "bad_code", "bad_code"]),
        ("euregio", {"euregios": ["euregio-maas-rhein"]}, ["bad_code"]),
        ("organisation_kind", {"kinds": ["startup"]}, ["bad_code"]),
        ("size_class", {"classes": ["tiny", 3]}, ["bad_code", "bad_code"]),
        ("sector", {}, ["missing"]),
        ("sector", {"sections": ["Z"], "divisions": ["04", "28"]}, ["bad_code", "bad_code"]),
        ("follower_group", {"groups": ["leader"]}, ["bad_code"]),
        ("programme_area", {"strict": True}, ["unknown_param"]),
        ("country", {"country": ["NL"]}, ["unknown_param", "missing"]),
        ("free_text", {"text": {"en": "a", "de": " "}}, ["missing_language", "missing_language"]),
        ("free_text", {"text": "only English"}, ["wrong_type"]),
    ],
)
def test_bad_parameters_are_refused(key, params, expected):
    assert codes(key, params) == expected


def test_a_bad_code_names_the_value_and_what_it_should_be():
    (problem,) = problems("region", {"codes": ["Twente"]})
    assert tr(problem.message, "en") == "Not a valid NUTS code: Twente."
    assert tr(problem.message, "de") == "Ungültiger Wert für NUTS-Code: Twente."
    assert tr(problem.message, "nl") == "Ongeldige waarde voor NUTS-code: Twente."


def test_region_codes_are_checked_against_the_reference_when_there_is_one():
    assert codes("region", {"codes": ["NL213", "NL999"]}) == []
    (problem,) = problems("region", {"codes": ["NL213", "NL999"]}, REFERENCE)
    assert problem.code == "unknown_region"
    assert tr(problem.message, "nl") == "Onbekende regio: NL999."


def test_a_missing_language_is_named_in_the_readers_language():
    found = problems("free_text", {"text": {"en": "a", "de": "b"}})
    assert [tr(p.message, "de") for p in found] == ["Der Text fehlt auf Niederländisch."]


def test_unknown_type_and_params_that_are_not_an_object():
    assert [p.code for p in REGISTRY.validate(Criterion("turnover", {"max": 5}))] == ["unknown_type"]
    problem = REGISTRY.validate(Criterion("turnover", {})).pop()
    assert tr(problem.message, "de") == "Unbekannte Art von Kriterium: turnover."
    assert [p.code for p in REGISTRY.validate(Criterion("country", ["NL"]))] == ["not_an_object"]


def test_validate_criteria_marks_each_problem_with_its_position():
    found = validate_criteria(
        [
            Criterion("country", {"countries": ["NL"]}),
            Criterion("acatech_stage", {"min": 4, "max": 1}),
            Criterion("nonsense"),
        ]
    )
    assert [(p.index, p.code) for p in found] == [(1, "min_above_max"), (2, "unknown_type")]


def test_the_catalogue_refuses_invalid_criteria():
    with pytest.raises(InvalidCriterion) as caught:
        Catalogue([instrument(1, Criterion("size_class", {"classes": ["huge"]}))])
    assert [p.code for p in caught.value.problems] == ["bad_code"]
    with pytest.raises(UnknownCriterionType):
        Catalogue([instrument(1, Criterion("nonsense"))])
    with pytest.raises(ValueError, match="twice"):
        Catalogue([instrument(1), instrument(1)])


def test_a_bad_criterion_does_not_slip_through_as_the_equal_looking_good_one_before_it():
    good = instrument(1, Criterion("acatech_stage", {"min": 1}))
    bad = instrument(2, Criterion("acatech_stage", {"min": True}))  # True == 1 in Python
    with pytest.raises(InvalidCriterion):
        Catalogue([good, bad])
