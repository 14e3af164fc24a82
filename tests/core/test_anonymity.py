"""k-anonymity of anonymous cards, without a database: the ladder, the rungs, and search filters."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from borderless.core.anonymity import (
    COUNTRY,
    LADDER,
    NUTS2,
    NUTS3,
    Filter,
    QuasiIdentifiers,
    passes,
    rungs,
    shown,
)


def firm(nuts3="DEA34", *, kind="company", size="small", division="28", section="C", country="") -> QuasiIdentifiers:
    return QuasiIdentifiers(
        kind=kind,
        country=country or nuts3[:2],
        nuts3=nuts3,
        nuts2=nuts3[:4],
        nuts1=nuts3[:3],
        size_class=size,
        nace_division=division,
        nace_section=section,
    )


def visible_values(card) -> tuple:
    """What a reader of the card sees (not which rung produced it)."""
    return replace(card, rung=0)


def test_each_rung_generalises_the_one_before_and_the_last_shows_nothing():
    for earlier, later in pairwise(LADDER):
        assert later.generalises(earlier)
        assert not earlier.generalises(later)
    assert LADDER[0].key(firm()) == ("company", "DEA34", "small", "28")
    assert LADDER[-1].key(firm()) == LADDER[-1].key(firm("NL213", kind="hub", size="large", division="", section=""))


def test_five_alike_are_shown_in_full_and_four_alike_are_not():
    assert rungs({firm(): 5}) == {firm(): 0}
    placed = rungs({firm(): 4, firm(division="25"): 1})
    assert placed == {firm(): 1, firm(division="25"): 1}  # together they make five in section C
    assert shown(firm(), 1).nace_division == "" and shown(firm(), 1).nace_section == "C"


def test_too_few_in_the_whole_population_are_not_shown_at_all():
    assert rungs({firm(): 2, firm("NL213"): 2}) == {}


def test_a_firm_pushed_to_a_coarser_rung_is_not_told_apart_by_the_rule():
    """Ten small companies in Borken: six in division 28, four in 46. Showing each firm at the first rung
    whose key five organisations share would show the four as "company in Borken, SME" (ten share
    that), but anyone who knows the rule and the population knows that the six would have been shown
    with their division, so such a card could only be one of the four. The rungs go to whole groups
    instead: the four stay together until a group of at least five not yet shown ones is reached."""
    six, four = firm(division="28", section="C"), firm(division="46", section="G")
    assert rungs({six: 6, four: 4}) == {six: 0}  # the four are never shown as "company in Borken"
    neighbours = firm("DEA33", division="46", section="G")  # one more company in Münster (NUTS-2 DEA3)
    placed = rungs({six: 6, four: 4, neighbours: 1})
    assert placed[four] == placed[neighbours] == 4  # company in NUTS-2 Münster, SME: five of them
    assert shown(four, placed[four]).region == "DEA3"


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["company", "knowledge", "hub"]),
            # "DE?" and "NL?": the place is not known, only the country.
            st.sampled_from(["DEA34", "DEA33", "DEA11", "DE949", "NL213", "NL226", "NL413", "DE?", "NL?"]),
            st.sampled_from(["micro", "small", "medium", "large", ""]),
            st.sampled_from([("28", "C"), ("25", "C"), ("46", "G"), ("", "")]),
        ),
        min_size=1,
        max_size=60,
    )
)
def test_every_card_shown_describes_at_least_k_organisations(records):
    population = Counter(
        firm("" if nuts3.endswith("?") else nuts3, kind=kind, size=size, division=d, section=s, country=nuts3[:2])
        for kind, nuts3, size, (d, s) in records
    )
    placed = rungs(population)
    described = Counter()
    for q, n in population.items():
        if q in placed:
            described[visible_values(shown(q, placed[q]))] += n
    for q in placed:
        assert described[visible_values(shown(q, placed[q]))] >= 5
    assert sum(n for q, n in population.items() if q not in placed) < 5  # at most a remainder is left out


def test_asking_up_to_a_rung_is_exact_for_the_groups_given():
    whole = {firm(): 3, firm("DEA33"): 3, firm("NL213"): 5}
    assert rungs(whole, upto=0) == {firm("NL213"): 0}
    assert rungs(whole, upto=4)[firm()] == 4  # NUTS-2 DEA3 holds both German groups
    with pytest.raises(ValueError):
        rungs(whole, k=0)


def test_what_each_rung_shows():
    large = firm(size="large")
    assert shown(large, 2).size_class == "large"  # SME-or-large says "large" exactly
    assert shown(firm(), 2).size_class == "" and shown(firm(), 2).size_band == "sme"
    assert shown(firm(), 4).region == "DEA3" and shown(firm(), 4).region_level == NUTS2
    assert shown(firm(), 6).region == "DE" and shown(firm(), 6).region_level == COUNTRY and shown(firm(), 6).kind
    assert shown(firm(), 7).kind == "" and shown(firm(), 7).country == "DE"
    nothing = shown(firm(), 8)
    assert (nothing.kind, nothing.country, nothing.region, nothing.size_band, nothing.nace_section) == ("",) * 5


def test_a_filter_finer_than_the_card_does_not_match():
    card = shown(firm(), 4)  # company, NUTS-2 DEA3, SME
    assert (
        passes(card, Filter(region="DEA3")) and passes(card, Filter(region="DEA")) and passes(card, Filter(region="DE"))
    )
    assert not passes(card, Filter(region="DEA34"))  # would reveal the NUTS-3 region
    assert not passes(card, Filter(size_class="small"))  # would reveal the size class
    assert not passes(card, Filter(nace_section="C"))
    assert not passes(card, Filter(euregio_regions={"DEA34"}))  # a Euregio is a set of NUTS-3 regions
    assert passes(card, Filter(kind="company", country="DE"))
    assert not passes(card, Filter(kind="hub")) and not passes(card, Filter(country="NL"))


def test_a_filter_at_the_cards_level_matches_only_the_same_values():
    card = shown(firm(), 0)
    assert card.region_level == NUTS3
    assert passes(card, Filter(region="DEA34", size_class="small", nace_division="28", euregio_regions={"DEA34"}))
    assert not passes(card, Filter(region="DEA33")) and not passes(card, Filter(size_class="micro"))
    assert not passes(shown(firm(), 7), Filter(kind="company"))  # kind no longer shown
    assert passes(shown(firm(), 8), Filter())  # no filter: every shown card
    assert not passes(shown(firm(), 8), Filter(country="DE"))


def test_an_unknown_size_is_a_value_of_its_own():
    """Four small firms and one of unknown size: shown together only where no size is shown, never as "SME"."""
    unknown = firm(size="")
    assert rungs({firm(): 4, unknown: 1}) == {firm(): 6, unknown: 6}
    assert shown(unknown, 6).size_band == "" and LADDER[6].size is None
    # Five of unknown size share "size not known": shown so, at the finest rung.
    assert rungs({unknown: 5}) == {unknown: 0}
    assert shown(unknown, 0).size_class == "" and LADDER[0].size is not None
    assert not passes(shown(unknown, 0), Filter(size_class="micro"))


def test_an_unknown_place_is_a_value_of_its_own_within_its_country():
    """Firms whose place is not known are grouped by country: a Dutch one is not hidden among German ones,
    since the card shows the country."""
    german, dutch = firm("", country="DE"), firm("", country="NL")
    placed = rungs({german: 5, dutch: 4})
    assert placed == {german: 0}
    card = shown(german, 0)
    assert (card.country, card.region, card.region_level) == ("DE", "", NUTS3)
    assert passes(card, Filter(country="DE")) and not passes(card, Filter(region="DEA34"))
    assert not passes(card, Filter(euregio_regions={"DEA34"}))
