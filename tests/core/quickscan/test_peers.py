import pytest

from borderless.core.quickscan.peers import (
    MIN_GROUP,
    PeerGroup,
    PeerLevel,
    choose_peer_group,
    peer_filters,
    peer_summary,
    percentile_rank,
)
from tests.core.translations import tr


def test_the_narrowest_group_with_five_firms_is_chosen():
    counts = {"country_size_sector": 3, "country_size": 7, "country": 40, "all": 120}
    assert choose_peer_group(counts) == PeerGroup(PeerLevel.COUNTRY_SIZE, 7)
    assert choose_peer_group({**counts, "country_size_sector": 5}) == PeerGroup(PeerLevel.COUNTRY_SIZE_SECTOR, 5)


def test_the_group_widens_to_all_firms_and_refuses_below_five():
    assert choose_peer_group({"country_size_sector": 1, "country_size": 2, "country": 4, "all": 9}) == PeerGroup(
        PeerLevel.ALL, 9
    )
    assert choose_peer_group({"country_size_sector": 0, "country_size": 1, "country": 2, "all": 4}) is None
    assert choose_peer_group({}) is None


def test_levels_left_out_are_skipped():
    assert choose_peer_group({PeerLevel.COUNTRY: 6}) == PeerGroup(PeerLevel.COUNTRY, 6)


def test_negative_counts_are_a_programming_error():
    with pytest.raises(ValueError):
        choose_peer_group({"all": -1})


def test_the_chosen_group_says_what_peers_share():
    assert peer_filters(PeerLevel.COUNTRY_SIZE, country="DE", size_class="small", sector="28") == {
        "country": "DE",
        "size_class": "small",
    }
    assert peer_filters(PeerLevel.ALL, country="DE", size_class="small", sector="28") == {}
    assert tr(PeerLevel.COUNTRY_SIZE_SECTOR.title, "de").startswith("Unternehmen desselben Landes")


def test_summary_by_hand():
    summary = peer_summary([50, 10, 40, 20, 30])
    assert (summary.n, summary.mean, summary.median, summary.q1, summary.q3) == (5, 30, 30, 20, 40)
    summary = peer_summary([0, 10, 20, 30, 40, 100])
    assert (summary.median, summary.q1, summary.q3) == (25, 12.5, 37.5)  # inclusive quartiles


def test_no_figures_for_fewer_than_five_firms():
    assert MIN_GROUP == 5
    assert peer_summary([10, 20, 30, 40]) is None
    assert percentile_rank(20, [10, 20, 30, 40]) is None


def test_percentile_rank_counts_ties_as_half():
    assert percentile_rank(30, [10, 20, 30, 40, 50]) == 0.5
    assert percentile_rank(5, [10, 20, 30, 40, 50]) == 0.0
    assert percentile_rank(60, [10, 20, 30, 40, 50]) == 1.0
