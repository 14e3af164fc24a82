from borderless.core.network import Period, Phase, component_phases, organisation_phases, region_phases
from borderless.core.network.report import pairs_of

from .helpers import tie_graph_of

COUNTRIES = {"n1": "NL", "n2": "NL", "n3": "NL", "d1": "DE", "d2": "DE", "d3": "DE", "b1": "BE"}
BEFORE = Period(2007, 2013, "programme")


def phases(edges, previous_edges=None, isolates=()):
    """Each hand-built case through both ways of finding closed triads: pair by pair, and the sparse
    counts the report shares with brokerage."""
    graph = tie_graph_of(edges, COUNTRIES, isolates)
    previous = tie_graph_of(previous_edges, COUNTRIES, period=BEFORE) if previous_edges is not None else None
    direct = organisation_phases(graph, previous)
    assert organisation_phases(graph, previous, pairs=pairs_of(graph)) == direct
    return direct


def test_pre_cooperation_without_cross_border_ties():
    result = phases([("n1", "n2"), ("n1", "b1"), ("d1", "d2")], isolates=["n3"])
    assert result == {o: Phase.PRE_COOPERATION for o in ("n1", "n2", "n3", "d1", "d2")}
    assert "b1" not in result


def test_bilateral_with_one_partner_on_the_other_side():
    # Two projects with the same German partner are still one partner.
    result = phases({("n1", "d1"): 2, ("n1", "n2"): 1})
    assert result["n1"] == Phase.BILATERAL
    assert result["d1"] == Phase.BILATERAL
    assert result["n2"] == Phase.PRE_COOPERATION


def test_networked_with_two_partners_on_the_other_side():
    result = phases([("n1", "d1"), ("n1", "d2")])
    assert result["n1"] == Phase.NETWORKED
    assert result["d1"] == result["d2"] == Phase.BILATERAL


def test_systemic_needs_the_previous_period_and_a_cross_border_triad():
    now = [("n1", "d1"), ("n1", "d2"), ("d1", "d2")]
    networked_before = [("n1", "d1"), ("n1", "d3")]
    assert phases(now, networked_before)["n1"] == Phase.SYSTEMIC
    # Without a previous period, or bilateral in it, n1 is only networked.
    assert phases(now)["n1"] == Phase.NETWORKED
    assert phases(now, [("n1", "d1")])["n1"] == Phase.NETWORKED
    # Networked twice but no closed triad.
    assert phases([("n1", "d1"), ("n1", "d2")], networked_before)["n1"] == Phase.NETWORKED
    # A triad of one country does not count.
    same_side = [("n1", "d1"), ("n1", "d2"), ("n1", "n2"), ("n1", "n3"), ("n2", "n3")]
    assert phases(same_side, networked_before)["n1"] == Phase.NETWORKED
    # A triad with a third country counts when it holds both NL and DE.
    with_other = [("n1", "d1"), ("n1", "d2"), ("n1", "b1"), ("d1", "b1")]
    assert phases(with_other, networked_before)["n1"] == Phase.SYSTEMIC


def test_component_phase_is_its_most_advanced_member():
    graph = tie_graph_of([("n1", "d1"), ("n1", "d2"), ("n2", "n3"), ("b1", "n2")], COUNTRIES, isolates=["d3"])
    result = organisation_phases(graph)
    components = component_phases(graph, result)
    assert [(c.organisations, c.phase) for c in components] == [
        (("b1", "n2", "n3"), Phase.PRE_COOPERATION),
        (("d1", "d2", "n1"), Phase.NETWORKED),
        (("d3",), Phase.PRE_COOPERATION),
    ]
    only_other = tie_graph_of([("b1", "x")], {"b1": "BE"})
    assert component_phases(only_other, organisation_phases(only_other))[0].phase is None


def test_region_aggregate():
    result = phases([("n1", "d1"), ("n1", "d2"), ("n2", "d3")], isolates=["n3"])
    regions = {"n1": "Twente", "n2": "Twente", "n3": "Achterhoek", "d1": "Münsterland", "d2": "Münsterland"}
    by_region = {r.region: r for r in region_phases(result, regions)}
    assert list(by_region) == ["Achterhoek", "Münsterland", "Twente"]
    twente = by_region["Twente"]
    assert twente.organisations == 2
    assert twente.counts == {Phase.PRE_COOPERATION: 0, Phase.BILATERAL: 1, Phase.NETWORKED: 1, Phase.SYSTEMIC: 0}
    assert twente.most_advanced == Phase.NETWORKED
    assert by_region["Münsterland"].counts[Phase.BILATERAL] == 2
    assert by_region["Achterhoek"].most_advanced == Phase.PRE_COOPERATION
    assert Phase.SYSTEMIC.code == "systemic"
