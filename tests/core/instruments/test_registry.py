"""A new criterion type is registered, and the matcher uses it without any change."""

from collections.abc import Mapping

import pytest

from borderless.core.i18n import _
from borderless.core.instruments import (
    REGISTRY,
    Catalogue,
    Context,
    Criterion,
    CriterionType,
    Firm,
    Outcome,
    Problem,
    Reference,
    Registry,
    Status,
    UnknownCriterionType,
    Verdict,
    match_all,
)
from borderless.core.instruments.schema import check_int, check_keys
from tests.core.translations import tr, translated

from .helpers import CONTEXT, instrument, twente_machine_builder

NOT_FOUNDED_IN = _("For firms not founded in %(year)s.")
# A type of one's own brings its own translations; here a test catalogue stands in for them.
GERMAN = {"For firms not founded in %(year)s.": "Für Unternehmen, die nicht %(year)s gegründet wurden."}


class NotFoundedInYear(CriterionType):
    """A made-up criterion type: the firm was not founded in a given year."""

    key = "not_founded_in"
    title = _("Not founded in")
    calls = 0

    def validate(self, params: Mapping[str, object], reference: Reference) -> list[Problem]:
        return check_keys(params, required=["year"]) or check_int(params, "year", 1800, 2100)

    def prepare(self, params: Mapping[str, object], reference: Reference) -> int:
        return int(params["year"])

    def evaluate(self, prepared: int, firm: Firm, context: Context) -> Outcome:
        type(self).calls += 1
        if firm.founded_year is None:
            return self.outcome(Status.UNKNOWN, NOT_FOUNDED_IN, {"year": prepared})
        status = Status.NOT_MET if firm.founded_year == prepared else Status.MET
        return self.outcome(status, NOT_FOUNDED_IN, {"year": prepared})


def test_an_extended_registry_is_used_by_the_matcher_unchanged():
    registry = REGISTRY.extended(NotFoundedInYear)
    catalogue = [
        instrument("not-2019", Criterion("not_founded_in", {"year": 2019})),
        instrument(
            "not-2000", Criterion("not_founded_in", {"year": 2000}), Criterion("country", {"countries": ["NL"]})
        ),
    ]
    matches = match_all(catalogue, twente_machine_builder(), CONTEXT, registry=registry)
    assert [(m.id, m.verdict) for m in matches] == [("not-2000", Verdict.FITS), ("not-2019", Verdict.DOES_NOT_FIT)]
    assert matches[1].outcomes[0].key == "not_founded_in"
    assert tr(matches[1].outcomes[0].reason, "de", GERMAN) == "Für Unternehmen, die nicht 2019 gegründet wurden."


def test_the_new_type_validates_through_the_registry_and_the_default_registry_is_untouched():
    registry = REGISTRY.extended(NotFoundedInYear())
    assert [p.code for p in registry.validate(Criterion("not_founded_in", {"year": 1500}))] == ["out_of_range"]
    assert "not_founded_in" in registry
    assert "not_founded_in" not in REGISTRY
    assert [p.code for p in REGISTRY.validate(Criterion("not_founded_in", {"year": 2019}))] == ["unknown_type"]
    with pytest.raises(UnknownCriterionType):
        REGISTRY.get("not_founded_in")


def test_registering_as_a_class_decorator_and_refusing_a_second_type_with_the_same_key():
    registry = Registry()

    @registry.register
    class Always(CriterionType):
        key = "always"
        title = _("Always")

        def evaluate(self, prepared, firm, context):
            return self.outcome(Status.MET, self.title)

    assert registry.keys() == ("always",)
    assert (
        match_all([instrument(1, Criterion("always"))], Firm(), CONTEXT, registry=registry)[0].verdict is Verdict.FITS
    )
    with pytest.raises(ValueError, match="already registered"):
        registry.register(Always)
    registry.register(Always, replace=True)


def test_a_type_without_a_describe_of_its_own_describes_itself_as_for_an_unknown_firm():
    registry = REGISTRY.extended(NotFoundedInYear)
    catalogue = Catalogue([instrument(1, Criterion("not_founded_in", {"year": 1999}))], registry=registry)
    (outcome,) = catalogue.describe(1, CONTEXT)
    assert outcome.status is Status.UNKNOWN
    assert "1999" in tr(outcome.reason, "nl")


def test_equal_criteria_of_many_instruments_are_evaluated_once_per_match():
    registry = REGISTRY.extended(NotFoundedInYear)
    catalogue = Catalogue(
        [instrument(i, Criterion("not_founded_in", {"year": 2000 + i % 3})) for i in range(300)], registry=registry
    )
    NotFoundedInYear.calls = 0
    matches = catalogue.match(twente_machine_builder(), CONTEXT)
    assert len(matches) == 300
    assert NotFoundedInYear.calls == 3


def test_every_builtin_type_has_a_trilingual_title():
    assert REGISTRY.keys() == (
        "country",
        "region",
        "programme_area",
        "euregio",
        "organisation_kind",
        "size_class",
        "sector",
        "follower_group",
        "acatech_stage",
        "technology_readiness",
        "cross_border_partner",
        "max_firm_age",
        "free_text",
    )
    for ctype in REGISTRY:
        assert all(translated(ctype.title, lang) for lang in ("en", "de", "nl"))
