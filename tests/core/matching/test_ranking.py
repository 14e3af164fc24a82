"""Ranking: weights, ties, filters (border, visibility), an organisation without a profile."""

import random
from dataclasses import replace

import pytest

from borderless.core.matching import MatchIndex, Weights, explain
from borderless.core.matching.texts import NO_NEEDS, NO_OFFERS, NO_PROFILE

from .helpers import BOCHOLT, ENSCHEDE, GRONAU, MUENSTER, NIJMEGEN, nl, org


def ids(recommendations):
    return [r.id for r in recommendations]


# A Dutch firm that needs sensors; a German sensor specialist far away and a German neighbour
# that offers nothing it needs.
REQUESTER = nl(1, ENSCHEDE, needs={"tech.sensors"})
SPECIALIST = org(2, MUENSTER, offers={"tech.sensors"})
NEIGHBOUR = org(3, GRONAU, offers={"svc.training"})


def test_default_weights_favour_what_i_need():
    index = MatchIndex.build([REQUESTER, SPECIALIST, NEIGHBOUR])
    assert ids(index.recommend(REQUESTER)) == [2, 3]


def test_raising_a_weight_changes_the_ranking_as_expected():
    index = MatchIndex.build([REQUESTER, SPECIALIST, NEIGHBOUR])
    closer = Weights(complementarity=0.35, proximity=0.20 * 4)
    assert ids(index.recommend(REQUESTER, weights=closer)) == [3, 2]


def test_doubling_a_weight_tips_a_close_race():
    requester = nl(1, ENSCHEDE, needs={"a"})
    index = MatchIndex.build([requester, org(2, MUENSTER, offers={"a"}), org(3, GRONAU)])
    base = Weights(complementarity=1.0, reciprocity=0, common_ground=0, proximity=0.9, maturity=0, novelty=0)
    assert ids(index.recommend(requester, weights=base)) == [2, 3]
    assert ids(index.recommend(requester, weights=replace(base, proximity=1.8))) == [3, 2]


def test_a_zero_weight_removes_its_component():
    far, near = org(2, MUENSTER), org(2, GRONAU)
    no_distance = Weights(proximity=0)
    far_score = MatchIndex.build([far]).recommend(REQUESTER, weights=no_distance)[0]
    near_score = MatchIndex.build([near]).recommend(REQUESTER, weights=no_distance)[0]
    assert far_score.score == near_score.score
    assert far_score.component("proximity").contribution == 0.0
    assert far_score.component("proximity").value > 0  # still shown, it just does not count


def test_only_the_proportions_of_the_weights_matter():
    index = MatchIndex.build([REQUESTER, SPECIALIST, NEIGHBOUR])
    double = Weights(**{name: 2 * value for name, value in Weights().normalised().items()})
    assert [(r.id, r.score) for r in index.recommend(REQUESTER, weights=double)] == [
        (r.id, pytest.approx(r.score)) for r in index.recommend(REQUESTER)
    ]


@pytest.mark.parametrize(
    "bad", [{"proximity": -1}, {"novelty": float("nan")}, dict.fromkeys(Weights().normalised(), 0)]
)
def test_weights_must_be_sensible(bad):
    with pytest.raises(ValueError):
        Weights(**bad)


def test_ties_are_broken_by_id_whatever_the_order_of_the_profiles():
    twins = [org(i, BOCHOLT, offers={"tech.sensors"}) for i in (17, 5, 11, 8, 23)]
    for seed in range(5):
        shuffled = [REQUESTER, *twins]
        random.Random(seed).shuffle(shuffled)
        index = MatchIndex.build(shuffled)
        assert ids(index.recommend(REQUESTER, k=3)) == [5, 8, 11]
        assert ids(index.recommend(REQUESTER)) == [5, 8, 11, 17, 23]


def test_k_limits_the_list_and_must_be_positive():
    index = MatchIndex.build([REQUESTER, *(org(i, BOCHOLT) for i in range(2, 30))])
    assert len(index.recommend(REQUESTER, k=7)) == 7
    assert [r.rank for r in index.recommend(REQUESTER, k=3)] == [1, 2, 3]
    with pytest.raises(ValueError):
        index.recommend(REQUESTER, k=0)


def test_an_organisation_without_a_profile_still_gets_partners_by_distance_and_maturity():
    empty = nl(1, ENSCHEDE, follower_group="late_follower")
    population = [empty, org(2, MUENSTER, kind="intermediary"), org(3, GRONAU, follower_group="late_follower")]
    population += [org(4, GRONAU, follower_group="fast_follower", offers={"tech.ai"})]
    recommendations = MatchIndex.build(population).recommend(empty)
    # At the same distance the Fast Follower, a step ahead, beats a fellow Late Follower; far away counts less.
    assert ids(recommendations) == [4, 3, 2]
    assert all(r.component("proximity").value > 0 and r.component("maturity").value > 0 for r in recommendations)
    for rec in recommendations:
        assert rec.component("complementarity").value == 0.0
        assert rec.component("reciprocity").value == 0.0
        explanation = explain(rec)
        assert NO_PROFILE in explanation.notes
        lines = {line.component: line.text for line in explanation.lines}
        assert lines["complementarity"] == NO_NEEDS
        assert lines["reciprocity"] == NO_OFFERS


def test_the_border_filter_is_the_default_and_can_be_lifted():
    dutch_neighbour = nl(5, NIJMEGEN, offers={"tech.sensors"})
    index = MatchIndex.build([REQUESTER, dutch_neighbour, SPECIALIST, NEIGHBOUR])
    assert ids(index.recommend(REQUESTER)) == [2, 3]
    assert sorted(ids(index.recommend(REQUESTER, across_border=False))) == [2, 3, 5]


def test_the_requester_is_never_its_own_partner():
    index = MatchIndex.build([REQUESTER, nl(5, offers={"tech.sensors"})])
    assert ids(index.recommend(REQUESTER, across_border=False)) == [5]
    assert index.recommend(REQUESTER) == []


def test_a_requester_that_is_not_in_the_index_can_ask_too():
    index = MatchIndex.build([SPECIALIST, NEIGHBOUR])
    assert ids(index.recommend(REQUESTER)) == [2, 3]


def test_anonymous_profiles_are_returned_flagged():
    hidden_name = org(2, MUENSTER, offers={"tech.sensors"}, visibility="anonymous")
    [first, second] = MatchIndex.build([REQUESTER, hidden_name, NEIGHBOUR]).recommend(REQUESTER)
    assert (first.id, first.anonymous) == (2, True)
    assert (second.id, second.anonymous) == (3, False)
    assert explain(first).anonymous


def test_registered_only_profiles_are_hidden_from_anonymous_viewers():
    members_only = org(2, MUENSTER, offers={"tech.sensors"}, visibility="registered")
    index = MatchIndex.build([REQUESTER, members_only, NEIGHBOUR])
    assert ids(index.recommend(REQUESTER, viewer_registered=True)) == [2, 3]
    assert ids(index.recommend(REQUESTER, viewer_registered=False)) == [3]


def test_an_empty_index_recommends_nothing():
    assert MatchIndex().recommend(REQUESTER) == []
