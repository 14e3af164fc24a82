"""Each score component on its own, on hand-built populations: exact values."""

import math

import pytest

from borderless.core.matching import DEFAULT_MATURITY, MatchIndex, Proximity
from borderless.core.organisations import distance_km

from .helpers import ENSCHEDE, GRONAU, MUENSTER, nl, only, org, scores


def test_rarity_weighs_rare_competences_more():
    index = MatchIndex.build([org(1, offers={"a", "b"}), org(2, offers={"a"}), org(3, offers={"a"}), nl(4)])
    assert index.rarity("a") == pytest.approx(1 + math.log(5 / 4), abs=1e-4)
    assert index.rarity("b") == pytest.approx(1 + math.log(5 / 2), abs=1e-4)
    assert index.rarity("never-offered") == pytest.approx(1 + math.log(5), abs=1e-4)
    assert index.rarity("a") < index.rarity("b") < index.rarity("never-offered")


def test_complementarity_is_the_rarity_weighted_share_of_my_needs_they_offer():
    requester = nl(1, needs={"a", "b"})
    index = MatchIndex.build(
        [requester, org(2, offers={"a"}), org(3, offers={"a", "b"}), org(4, offers={"b"}), org(5, offers={"a"})]
    )
    a, b = index.rarity("a"), index.rarity("b")
    got = scores(index.recommend(requester, weights=only("complementarity")))
    assert got == pytest.approx({2: a / (a + b), 3: 1.0, 4: b / (a + b), 5: a / (a + b)})
    assert got[4] > got[2]  # b is offered by fewer, so meeting it counts more


def test_a_need_nobody_offers_still_counts_in_the_total():
    requester = nl(1, needs={"a", "unheard-of"})
    index = MatchIndex.build([requester, org(2, offers={"a"})])
    [rec] = index.recommend(requester, weights=only("complementarity"))
    assert rec.score == pytest.approx(index.rarity("a") / (index.rarity("a") + index.rarity("unheard-of")))


def test_reciprocity_is_the_share_of_their_needs_i_offer():
    requester = nl(1, offers={"a"})
    population = [requester, org(2, needs={"a", "c"}), org(3, needs={"a"}), org(4, needs={"c"}), org(5)]
    index = MatchIndex.build(population)
    a, c = index.rarity("a"), index.rarity("c")
    got = scores(index.recommend(requester, weights=only("reciprocity")))
    assert got == pytest.approx({2: a / (a + c), 3: 1.0, 4: 0.0, 5: 0.0})


def test_common_ground_is_half_shared_technologies_half_same_sector():
    requester = nl(1, sector="28", offers={"tech.x"}, needs={"tech.y"})
    population = [
        requester,
        org(2, sector="28", offers={"tech.x"}),  # one of my two technologies, same sector
        org(3, sector="25", needs={"tech.x", "tech.y"}),  # both technologies, other sector
        org(4, sector="28"),  # same sector only
        org(5, sector="25", offers={"svc.z"}),  # nothing in common
    ]
    got = scores(MatchIndex.build(population).recommend(requester, weights=only("common_ground")))
    assert got == pytest.approx({2: 0.75, 3: 0.5, 4: 0.5, 5: 0.0})


def test_common_ground_without_a_sector_is_the_technologies_alone_and_vice_versa():
    population = [org(2, sector="28", offers={"tech.x"}), org(3, needs={"tech.x", "tech.y"}), org(4, sector="28")]
    index = MatchIndex.build(population)
    no_sector = nl(1, technologies={"tech.x", "tech.y"})
    assert scores(index.recommend(no_sector, weights=only("common_ground"))) == pytest.approx({2: 0.5, 3: 1.0, 4: 0})
    no_tech = nl(1, sector="28")
    assert scores(index.recommend(no_tech, weights=only("common_ground"))) == pytest.approx({2: 1.0, 3: 0, 4: 1.0})


def test_explicit_technologies_replace_the_ones_derived_from_offers_and_needs():
    index = MatchIndex.build([org(2, offers={"tech.x"}, technologies={"tech.q"})])
    requester = nl(1, technologies={"tech.x"})
    assert index.recommend(requester, weights=only("common_ground"))[0].score == 0.0
    assert index.get(2).technologies == {"tech.q"}


def test_a_custom_taxonomy_of_technologies():
    index = MatchIndex.build([org(2, offers={"sensors"})], technologies={"sensors"})
    requester = nl(1, needs={"sensors"})
    assert index.recommend(requester, weights=only("common_ground"))[0].score == 1.0


def test_proximity_decays_with_travel_distance():
    requester = nl(1)
    index = MatchIndex.build([org(2, GRONAU), org(3, MUENSTER)])
    got = scores(index.recommend(requester, weights=only("proximity")))
    for profile_id, place in ((2, GRONAU), (3, MUENSTER)):
        km = distance_km(*ENSCHEDE, *place)
        assert got[profile_id] == pytest.approx(math.exp(-1.3 * km / 50), rel=1e-9)
    custom = scores(index.recommend(requester, weights=only("proximity"), proximity=Proximity(1.0, 10.0)))
    assert custom[3] == pytest.approx(math.exp(-distance_km(*ENSCHEDE, *MUENSTER) / 10), rel=1e-9)


def test_the_border_costs_nothing():
    requester = nl(1, ENSCHEDE)
    index = MatchIndex.build([requester, nl(2, MUENSTER), org(3, MUENSTER)])
    got = scores(index.recommend(requester, weights=only("proximity"), across_border=False))
    assert got[2] == got[3]


@pytest.mark.parametrize(
    ("mine", "theirs", "fit"),
    [
        ({"follower_group": "fast_follower"}, {"follower_group": "frontrunner"}, 1.0),
        ({"follower_group": "fast_follower"}, {"kind": "knowledge"}, 1.0),
        ({"follower_group": "fast_follower"}, {"kind": "fieldlab"}, 0.8),
        ({"follower_group": "fast_follower"}, {"follower_group": "fast_follower"}, 0.6),
        ({"follower_group": "fast_follower"}, {"follower_group": "late_follower"}, 0.4),
        ({"follower_group": "late_follower"}, {"follower_group": "fast_follower"}, 1.0),
        ({"follower_group": "late_follower"}, {"kind": "intermediary"}, 1.0),
        ({"follower_group": "late_follower"}, {"follower_group": "frontrunner"}, 0.5),
        ({"follower_group": "late_follower"}, {"follower_group": "late_follower"}, 0.2),
        ({"follower_group": "frontrunner"}, {"kind": "knowledge"}, 1.0),
        ({}, {"kind": "hub"}, 0.8),  # no quickscan result yet: a hub is a good first contact
        ({"kind": "authority"}, {"follower_group": "frontrunner"}, 0.4),
    ],
)
def test_maturity_fit_follows_the_table(mine, theirs, fit):
    requester = nl(1, **mine)
    [rec] = MatchIndex.build([org(2, **theirs)]).recommend(requester, weights=only("maturity"))
    assert rec.score == fit
    assert (
        rec.evidence.maturity_rule
        == DEFAULT_MATURITY.rule(rec.evidence.requester_class, rec.evidence.candidate_class).key
    )


def test_novelty_boosts_organisations_that_never_cooperated():
    population = [org(2), org(3, cooperated_with={99}), org(4, has_cooperated=True)]
    got = scores(MatchIndex.build(population).recommend(nl(1), weights=only("novelty")))
    assert got == {2: 1.0, 3: 0.0, 4: 0.0}


def test_components_add_up_to_the_score():
    requester = nl(1, needs={"a"}, offers={"b"}, sector="28", follower_group="fast_follower")
    population = [requester, org(2, offers={"a"}, needs={"b"}, sector="28", follower_group="frontrunner"), org(3)]
    for rec in MatchIndex.build(population).recommend(requester):
        assert sum(c.weight for c in rec.components) == pytest.approx(1.0)
        assert sum(c.contribution for c in rec.components) == pytest.approx(rec.score)
        assert all(0.0 <= c.value <= 1.0 for c in rec.components)
