import math
import random

import igraph
import networkx as nx
import pytest

from borderless.core.network import betweenness, graph_metrics, organisation_metrics
from borderless.core.network.metrics import to_igraph

from .helpers import tie_graph_of, tie_graph_of_nx


def by_name(graph, report):
    return {row.organisation: row for row in report.organisations}


def test_karate_club_matches_published_values_and_networkx():
    karate = nx.karate_club_graph()
    for _, _, data in karate.edges(data=True):
        data.pop("weight", None)
    graph = tie_graph_of_nx(karate)
    metrics = graph_metrics(graph)
    assert (metrics.organisations, metrics.ties) == (34, 78)
    assert metrics.density == pytest.approx(78 / 561)
    assert round(metrics.density, 4) == 0.1390
    assert round(metrics.transitivity, 4) == 0.2557
    assert metrics.transitivity == pytest.approx(nx.transitivity(karate))
    assert (metrics.components, metrics.giant_component_share) == (1, 1.0)
    rows = by_name(graph, organisation_metrics(graph))
    expected = nx.betweenness_centrality(karate)
    for node, value in expected.items():
        assert rows[str(node)].betweenness_normalised == pytest.approx(value)
    # Mr Hi (0) and the officer (33): Zachary's two leaders are the main brokers.
    assert round(rows["0"].betweenness_normalised, 4) == 0.4376
    assert round(rows["33"].betweenness_normalised, 4) == 0.3041
    assert rows["0"].betweenness == pytest.approx(231.0714, abs=1e-4)


def test_florentine_families_medici_broker():
    florentine = nx.florentine_families_graph()
    graph = tie_graph_of_nx(florentine)
    rows = by_name(graph, organisation_metrics(graph))
    medici = rows["Medici"]
    assert medici.betweenness_normalised == pytest.approx(nx.betweenness_centrality(florentine)["Medici"])
    assert medici.betweenness_normalised == pytest.approx(0.5219780, abs=1e-7)
    assert medici.betweenness == pytest.approx(47.5)
    assert medici.degree == 6
    assert max(rows.values(), key=lambda r: r.betweenness).organisation == "Medici"
    constraint = nx.constraint(florentine)
    for family, value in constraint.items():
        assert rows[family].constraint == pytest.approx(value)


@pytest.mark.parametrize("seed", range(6))
def test_random_graphs_agree_with_networkx(seed):
    rng = random.Random(seed)
    reference = nx.gnp_random_graph(40, rng.choice([0.03, 0.08, 0.2]), seed=seed)
    reference.add_node(99)  # an isolate
    for _, _, data in reference.edges(data=True):
        data["weight"] = rng.randint(1, 4)
    graph = tie_graph_of_nx(reference)
    metrics = graph_metrics(graph)
    assert metrics.components == nx.number_connected_components(reference)
    giant = max(len(c) for c in nx.connected_components(reference))
    assert metrics.giant_component_share == pytest.approx(giant / reference.number_of_nodes())
    assert metrics.density == pytest.approx(nx.density(reference))
    if metrics.transitivity is None:
        assert nx.transitivity(reference) == 0
    else:
        assert metrics.transitivity == pytest.approx(nx.transitivity(reference))
    rows = by_name(graph, organisation_metrics(graph))
    between = nx.betweenness_centrality(reference)
    constraint = nx.constraint(reference, weight="weight")
    for node in reference.nodes:
        row = rows[str(node)]
        assert row.degree == reference.degree(node)
        assert row.weighted_degree == reference.degree(node, weight="weight")
        assert row.betweenness_normalised == pytest.approx(between[node], abs=1e-12)
        if math.isnan(constraint[node]):
            assert row.constraint is None
        else:
            assert row.constraint == pytest.approx(constraint[node])


def test_cross_border_partners_count_the_other_side_only():
    graph = tie_graph_of(
        [("nl1", "de1"), ("nl1", "de2"), ("nl1", "nl2"), ("nl1", "be1"), ("be1", "de1")],
        {"nl1": "NL", "nl2": "NL", "de1": "DE", "de2": "DE", "be1": "BE"},
    )
    rows = by_name(graph, organisation_metrics(graph))
    assert rows["nl1"].cross_border_partners == 2
    assert rows["de1"].cross_border_partners == 1
    assert rows["be1"].cross_border_partners == 0
    assert rows["nl1"].degree == 4


def test_sampled_pivots_add_up_to_the_exact_betweenness():
    g = igraph.Graph.Erdos_Renyi(n=60, p=0.08)
    half = list(range(30))
    rest = list(range(30, 60))
    total = [
        a + b
        for a, b in zip(
            g.betweenness(directed=False, sources=half), g.betweenness(directed=False, sources=rest), strict=True
        )
    ]
    assert total == pytest.approx(g.betweenness(directed=False))


def test_large_graphs_are_sampled_within_the_reported_bound():
    reference = nx.connected_watts_strogatz_graph(300, 6, 0.2, seed=3)
    g = to_igraph(tie_graph_of_nx(reference))
    estimate = betweenness(g, exact_limit=100, epsilon=0.02, seed=1)
    exact = betweenness(g)
    assert (estimate.method, estimate.confidence) == ("sampled", 0.95) and estimate.pivots > 0
    assert exact.method == "exact" and exact.error_bound is None
    assert 0 < estimate.error_bound < 1
    worst = max(abs(a - b) for a, b in zip(estimate.normalised, exact.normalised, strict=True))
    assert worst <= estimate.error_bound
    assert sum(estimate.raw) == pytest.approx(sum(exact.raw), rel=0.1)


def test_empty_and_tiny_graphs_have_no_undefined_figures():
    empty = graph_metrics(tie_graph_of([]))
    assert (empty.organisations, empty.density, empty.transitivity, empty.giant_component_share) == (
        0,
        None,
        None,
        None,
    )
    pair = tie_graph_of([("a", "b")], isolates=["c"])
    metrics = graph_metrics(pair)
    assert (metrics.components, metrics.transitivity) == (2, None)
    assert metrics.giant_component_share == pytest.approx(2 / 3)
    rows = by_name(pair, organisation_metrics(pair))
    assert rows["c"].constraint is None
    assert rows["a"].constraint == pytest.approx(1.0)
