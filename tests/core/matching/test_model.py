"""Profiles refuse what the matcher cannot use."""

import pytest

from borderless.core.matching import Profile

from .helpers import org


@pytest.mark.parametrize(
    "bad",
    [
        {"country": "Netherlands"},
        {"country": "nl"},
        {"lat": 91.0},
        {"kind": "club"},
        {"visibility": "secret"},
        {"size_class": "huge"},
        {"follower_group": "leader"},
        {"offers": "tech.sensors"},  # one code, not a collection of codes
        {"id": "7"},
    ],
)
def test_a_profile_refuses_bad_values(bad):
    fields = {"id": 1, "country": "NL", "lat": 52.2, "lon": 6.9} | bad
    with pytest.raises(ValueError):
        Profile(**fields)


def test_codes_become_frozensets_and_an_empty_sector_means_none():
    profile = org(1, offers=["a", "a", "b"], needs=("c",), sector="", cooperated_with=[3])
    assert profile.offers == frozenset({"a", "b"}) and profile.needs == frozenset({"c"})
    assert profile.sector is None
    assert profile.cooperated_with == frozenset({3}) and not profile.never_cooperated
    assert org(2).never_cooperated and not org(2).has_profile
