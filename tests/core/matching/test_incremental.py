"""Refreshing the index profile by profile gives exactly the index built from scratch (hypothesis)."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from borderless.core.matching import MatchIndex, Profile

from .helpers import BOCHOLT, ENSCHEDE, GRONAU, MUENSTER, NIJMEGEN, nl, org

CODES = ("a", "b", "c", "tech.x", "tech.y", "nace.28")
PLACES = (ENSCHEDE, NIJMEGEN, GRONAU, MUENSTER, BOCHOLT)
KINDS = ("company", "company", "company", "knowledge", "intermediary", "fieldlab", "hub", "authority")
GROUPS = (None, "frontrunner", "fast_follower", "late_follower")
codes = st.frozensets(st.sampled_from(CODES), max_size=4)


@st.composite
def profiles(draw, profile_id):
    lat, lon = draw(st.sampled_from(PLACES))
    return Profile(
        id=profile_id,
        country=draw(st.sampled_from(("NL", "DE"))),
        lat=lat,
        lon=lon,
        kind=draw(st.sampled_from(KINDS)),
        sector=draw(st.sampled_from((None, "28", "25"))),
        offers=draw(codes),
        needs=draw(codes),
        technologies=draw(st.one_of(st.none(), codes)),
        follower_group=draw(st.sampled_from(GROUPS)),
        # Partners among the population (ties for partners of partners) and one outside it.
        cooperated_with=draw(st.frozensets(st.sampled_from((1, 2, 3, 4, 5, 6, 99)), max_size=3)),
        has_cooperated=draw(st.booleans()),
        visibility=draw(st.sampled_from(("public", "registered", "anonymous"))),
    )


@st.composite
def histories(draw):
    """A first population and a list of changes: (id, new profile) or (id, None) for a removal."""
    first = [draw(profiles(i)) for i in range(1, draw(st.integers(0, 8)) + 1)]
    changes = []
    for _ in range(draw(st.integers(1, 15))):
        profile_id = draw(st.integers(1, 12))
        removal = draw(st.booleans()) and draw(st.booleans())
        changes.append((profile_id, None if removal else draw(profiles(profile_id))))
    return first, changes


def outcome(index: MatchIndex, requesters: list[Profile]):
    answers = []
    for requester in requesters:
        for across_border in (True, False):
            for viewer_registered in (True, False):
                answers.append(
                    index.recommend(requester, k=20, across_border=across_border, viewer_registered=viewer_registered)
                )
    return answers


@settings(max_examples=80, deadline=None)
@given(histories())
def test_incremental_refresh_equals_a_full_rebuild(history):
    first, changes = history
    index = MatchIndex.build(first)
    current = {p.id: p for p in first}
    for profile_id, profile in changes:
        if profile is None:
            if profile_id in current:
                index.remove(profile_id)
                del current[profile_id]
        else:
            index.upsert(profile)
            current[profile_id] = profile
    rebuilt = MatchIndex.build(current.values())

    assert sorted(index.ids()) == sorted(rebuilt.ids()) == sorted(current)
    assert [index.get(i) for i in sorted(current)] == [rebuilt.get(i) for i in sorted(current)]
    assert [index.rarity(c) for c in CODES] == [rebuilt.rarity(c) for c in CODES]
    outsiders = [
        nl(100, needs={"a", "tech.x"}, offers={"b"}, sector="28", cooperated_with={1, 2, 99}),
        org(101, offers={"c"}, cooperated_with={3, 4}),
    ]
    requesters = [*current.values(), *outsiders]
    assert outcome(index, requesters) == outcome(rebuilt, requesters)
    assert outcome(MatchIndex.build(index.profiles()), requesters) == outcome(rebuilt, requesters)


def test_update_moves_a_profile_to_the_other_country():
    index = MatchIndex.build([nl(1, needs={"a"}), nl(2, offers={"a"})])
    assert index.recommend(nl(1, needs={"a"})) == []
    index.update(org(2, offers={"a"}))
    assert [r.id for r in index.recommend(nl(1, needs={"a"}))] == [2]
    assert index.get(2).country == "DE"


def test_add_remove_and_update_check_what_is_there():
    index = MatchIndex.build([org(1)])
    with pytest.raises(ValueError):
        index.add(org(1))
    with pytest.raises(KeyError):
        index.update(org(2))
    with pytest.raises(KeyError):
        index.remove(2)
    with pytest.raises(KeyError):
        index.get(2)
    index.remove(1)
    assert len(index) == 0 and 1 not in index
    with pytest.raises(ValueError):
        MatchIndex.build([org(1), nl(1)])
