"""Verdicts and ranking of many instruments."""

import random
from dataclasses import replace
from datetime import timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from borderless.core.i18n import Content
from borderless.core.instruments import (
    Catalogue,
    Context,
    Criterion,
    Firm,
    InstrumentStatus,
    Status,
    Verdict,
    match_all,
    match_instrument,
    rank,
)
from tests.core.translations import tr

from .helpers import CONTEXT, TODAY, instrument, twente_machine_builder

NL = Criterion("country", {"countries": ["NL"]})
DE = Criterion("country", {"countries": ["DE"]})
SME = Criterion("size_class", {"classes": ["micro", "small", "medium"]})
STAGE_3_UP = Criterion("acatech_stage", {"min": 3})
PARTNER = Criterion("cross_border_partner")
TRL = Criterion("technology_readiness", {"min": 5, "max": 7})
NOTE = Criterion("free_text", {"text": {"en": "Shown", "de": "Gezeigt", "nl": "Getoond"}})


def verdict(*criteria, firm=None):
    return match_instrument(instrument("x", *criteria), firm or twente_machine_builder(), CONTEXT).verdict


def test_all_met_or_informing_fits_and_no_criteria_fits_everyone():
    assert verdict(NL, SME, TRL, NOTE) is Verdict.FITS
    assert verdict() is Verdict.FITS
    assert verdict(firm=Firm()) is Verdict.FITS


def test_a_partner_to_find_or_an_unknown_fact_makes_it_might_fit():
    assert verdict(NL, PARTNER) is Verdict.MIGHT_FIT
    assert verdict(NL, SME, firm=twente_machine_builder(size_class=None)) is Verdict.MIGHT_FIT
    assert verdict(NL, PARTNER, firm=twente_machine_builder(has_cross_border_partner=True)) is Verdict.FITS


def test_one_unmet_criterion_is_enough_to_not_fit_even_with_unknowns():
    firm = twente_machine_builder(size_class=None)
    assert verdict(SME, PARTNER, STAGE_3_UP, firm=firm) is Verdict.DOES_NOT_FIT


def test_outcomes_come_in_the_order_of_the_criteria():
    match = match_instrument(instrument("x", TRL, NL, PARTNER, STAGE_3_UP), twente_machine_builder(), CONTEXT)
    assert [o.key for o in match.outcomes] == [
        "technology_readiness",
        "country",
        "cross_border_partner",
        "acatech_stage",
    ]
    assert [o.status for o in match.outcomes] == [Status.INFO, Status.MET, Status.NEEDS_ACTION, Status.NOT_MET]
    assert tr(match.outcomes[3].reason, "de").startswith("Nur für Unternehmen auf acatech-Stufe 3 oder höher")


def test_a_firm_that_fits_none():
    catalogue = [
        instrument("de-only", DE),
        instrument("advanced", STAGE_3_UP),
        instrument("large", Criterion("size_class", {"classes": ["large"]})),
        instrument("startups", Criterion("max_firm_age", {"years": 2}), PARTNER),
        instrument("it", Criterion("sector", {"sections": ["J"]})),
        instrument("rmn", Criterion("euregio", {"euregios": ["euregio-rhein-maas-nord"]})),
    ]
    matches = match_all(catalogue, twente_machine_builder(), CONTEXT)
    assert {m.verdict for m in matches} == {Verdict.DOES_NOT_FIT}
    for match in matches:
        assert any(o.status is Status.NOT_MET for o in match.outcomes)
        assert all(tr(o.reason, lang) for o in match.outcomes for lang in ("en", "de", "nl"))


def test_an_unknown_firm_might_fit_everything_it_is_not_excluded_from():
    matches = match_all([instrument("a", NL, SME), instrument("b", TRL), instrument("c", PARTNER)], Firm(), CONTEXT)
    assert {m.id: m.verdict for m in matches} == {"a": Verdict.MIGHT_FIT, "b": Verdict.FITS, "c": Verdict.MIGHT_FIT}


def day(n):
    return TODAY + timedelta(days=n)


def test_ranking_verdict_then_status_then_deadline_then_name():
    catalogue = [
        instrument("not-fit-open-soon", DE, deadline=day(1)),
        instrument("might-open", PARTNER, deadline=day(5)),
        instrument("fits-closed", status=InstrumentStatus.CLOSED, deadline=day(2)),
        instrument("fits-exhausted", status=InstrumentStatus.BUDGET_EXHAUSTED, name="a first by name"),
        instrument("fits-forthcoming", status=InstrumentStatus.FORTHCOMING, deadline=day(3)),
        instrument("fits-open-no-deadline", name="A"),
        instrument("fits-open-past-deadline", name="B", deadline=day(-3)),
        instrument("fits-open-later", deadline=day(30)),
        instrument("fits-open-today", deadline=day(0)),
        instrument("fits-open-tomorrow", deadline=day(1)),
    ]
    random.Random(4).shuffle(catalogue)
    order = [m.id for m in match_all(catalogue, twente_machine_builder(), CONTEXT)]
    assert order == [
        "fits-open-today",
        "fits-open-tomorrow",
        "fits-open-later",
        "fits-open-no-deadline",  # no upcoming deadline: after those with one, then by name
        "fits-open-past-deadline",
        "fits-forthcoming",
        "fits-closed",
        "fits-exhausted",  # closed and exhausted rank alike: the deadline decides
        "might-open",
        "not-fit-open-soon",
    ]


def test_names_sort_in_the_readers_language_ignoring_case_and_accents():
    def named(id_, en, de):
        return replace(instrument(id_), name=Content(en, de, en))

    catalogue = [named(1, "Zebra", "Ärmel"), named(2, "apple", "Zug"), named(3, "Mango", "Bär")]
    firm = twente_machine_builder()
    assert [m.id for m in match_all(catalogue, firm, CONTEXT, lang="en")] == [2, 3, 1]
    assert [m.id for m in match_all(catalogue, firm, CONTEXT, lang="de")] == [1, 3, 2]


def test_match_of_a_subset_and_describe():
    catalogue = Catalogue([instrument("a", NL), instrument("b", DE), instrument("c", SME)])
    assert [m.id for m in catalogue.match(twente_machine_builder(), CONTEXT, ids=["b", "a"])] == ["a", "b"]
    (described,) = catalogue.describe("c", CONTEXT)
    assert described.status is Status.INFO
    assert tr(described.reason, "de") == "Für Unternehmen mit bis zu 249 Beschäftigten."


def test_equal_criteria_are_compiled_once():
    catalogue = Catalogue(
        [instrument(i, Criterion("country", {"countries": ["NL", "DE"][: 1 + i % 2]})) for i in range(100)]
    )
    assert catalogue.distinct_criteria == 2
    same = Catalogue(
        [
            instrument(1, Criterion("country", {"countries": ["DE", "NL"]})),
            instrument(2, Criterion("country", {"countries": ["NL", "DE"]})),
        ]
    )
    assert same.distinct_criteria == 1


CRITERIA = [NL, DE, SME, STAGE_3_UP, PARTNER, TRL, NOTE, Criterion("region", {"codes": ["NL21"]})]
firms = st.builds(
    Firm,
    country=st.sampled_from([None, "NL", "DE"]),
    nuts3=st.sampled_from([None, "NL213", "DEA34"]),
    size_class=st.sampled_from([None, "micro", "large"]),
    stage=st.one_of(st.none(), st.integers(0, 6)),
    has_cross_border_partner=st.sampled_from([None, False, True]),
)
instruments = st.lists(
    st.tuples(
        st.lists(st.sampled_from(CRITERIA), max_size=4),
        st.sampled_from(list(InstrumentStatus)),
        st.one_of(st.none(), st.integers(-10, 10)),
        st.text("abcÄä", max_size=3),
    ),
    max_size=25,
)


@settings(max_examples=60, deadline=None)
@given(firms, instruments)
def test_the_catalogue_ranks_exactly_as_rank_does(firm, specs):
    catalogue = [
        instrument(i, *criteria, status=status, deadline=None if d is None else day(d), name=name or "x")
        for i, (criteria, status, d, name) in enumerate(specs)
    ]
    matches = Catalogue(catalogue).match(firm, Context(TODAY), lang="de")
    assert [m.id for m in matches] == [m.id for m in rank(matches[::-1], TODAY, "de")]
    for match in matches:
        statuses = {o.status for o in match.outcomes}
        assert (match.verdict is Verdict.DOES_NOT_FIT) == (Status.NOT_MET in statuses)
        assert (match.verdict is Verdict.FITS) == statuses.issubset({Status.MET, Status.INFO})
