from itertools import combinations, permutations
from math import comb

import networkx as nx
import pytest

from borderless.core.network import brokerage_directed, brokerage_undirected, group_of

ROLES = ("coordinator", "itinerant", "boundary_spanner", "liaison")
DIRECTED_ROLES = ("coordinator", "itinerant", "gatekeeper", "representative", "liaison")


def only(counts, roles):
    return {role: getattr(counts, role) for role in roles if getattr(counts, role)}


@pytest.mark.parametrize(
    ("ga", "gv", "gb", "role"),
    [
        ("NL", "NL", "NL", "coordinator"),
        ("DE", "NL", "DE", "itinerant"),
        ("other", "DE", "other", "itinerant"),
        ("NL", "NL", "DE", "boundary_spanner"),
        ("NL", "DE", "DE", "boundary_spanner"),
        ("NL", "other", "DE", "liaison"),
    ],
)
def test_undirected_triad_roles(ga, gv, gb, role):
    groups = {"a": ga, "v": gv, "b": gb}
    report = brokerage_undirected(["a", "v", "b"], groups, [("a", "v"), ("v", "b")])
    assert only(report.observed["v"], ROLES) == {role: 1}
    assert report.observed["a"].total == report.observed["b"].total == 0
    closed = brokerage_undirected(["a", "v", "b"], groups, [("a", "v"), ("v", "b"), ("a", "b")])
    assert closed.observed["v"].total == 0


@pytest.mark.parametrize(
    ("ga", "gv", "gb", "role"),
    [
        ("NL", "NL", "NL", "coordinator"),
        ("DE", "NL", "DE", "itinerant"),
        ("DE", "NL", "NL", "gatekeeper"),
        ("NL", "NL", "DE", "representative"),
        ("NL", "other", "DE", "liaison"),
    ],
)
def test_directed_triad_roles(ga, gv, gb, role):
    groups = {"a": ga, "v": gv, "b": gb}
    report = brokerage_directed(["a", "v", "b"], groups, [("a", "v"), ("v", "b")])
    assert only(report.observed["v"], DIRECTED_ROLES) == {role: 1}
    # An arc a → b closes the path; an arc b → a does not.
    assert brokerage_directed(["a", "v", "b"], groups, [("a", "v"), ("v", "b"), ("a", "b")]).observed["v"].total == 0
    assert brokerage_directed(["a", "v", "b"], groups, [("a", "v"), ("v", "b"), ("b", "a")]).observed["v"].total == 1


def test_star_counts_every_open_pair():
    groups = {"hub": "NL", "n1": "NL", "n2": "NL", "d1": "DE", "x1": "other"}
    report = brokerage_undirected(list(groups), groups, [("hub", o) for o in groups if o != "hub"] + [("n1", "n2")])
    # Pairs of {n1, n2, d1, x1}: n1–n2 is closed; n1–d1, n2–d1, n1–x1, n2–x1 span a boundary; d1–x1 is liaison.
    assert only(report.observed["hub"], ROLES) == {"boundary_spanner": 4, "liaison": 1}


def test_expected_counts_follow_the_chance_model():
    groups = {f"n{i}": "NL" for i in range(4)} | {f"d{i}": "DE" for i in range(3)} | {"x0": "other", "x1": "other"}
    nodes = list(groups)
    edges = [("n0", "d0"), ("n1", "d0"), ("n0", "n1"), ("d1", "x0"), ("n2", "d2"), ("x1", "n3")]
    report = brokerage_undirected(nodes, groups, edges)
    n, m = len(nodes), len(edges)
    d = m / comb(n, 2)
    assert report.density == pytest.approx(d)
    p = d * d * (1 - d)
    # Brute force: each unordered pair of other nodes, classified by the role v would have.
    for v in ("n0", "d0", "x0"):
        tally = dict.fromkeys(ROLES, 0)
        for a, b in combinations([o for o in nodes if o != v], 2):
            ga, gb, gv = groups[a], groups[b], groups[v]
            if ga == gb:
                tally["coordinator" if gv == ga else "itinerant"] += 1
            else:
                tally["boundary_spanner" if gv in (ga, gb) else "liaison"] += 1
        for role in ROLES:
            assert getattr(report.expected[v], role) == pytest.approx(p * tally[role])
        assert report.expected[v].total == pytest.approx(p * comb(n - 1, 2))
    directed = brokerage_directed(nodes, groups, edges)
    d = m / (n * (n - 1))
    p = d * d * (1 - d)
    for v in ("n0", "d0", "x0"):
        tally = dict.fromkeys(DIRECTED_ROLES, 0)
        for a, b in permutations([o for o in nodes if o != v], 2):
            ga, gb, gv = groups[a], groups[b], groups[v]
            if ga == gb:
                role = "coordinator" if gv == ga else "itinerant"
            elif gv == gb:
                role = "gatekeeper"
            else:
                role = "representative" if gv == ga else "liaison"
            tally[role] += 1
        for role in DIRECTED_ROLES:
            assert getattr(directed.expected[v], role) == pytest.approx(p * tally[role])
        assert directed.expected[v].total == pytest.approx(p * (n - 1) * (n - 2))


def test_random_graph_brokerage_totals_match_open_two_paths():
    reference = nx.gnp_random_graph(30, 0.15, seed=4)
    nodes = [str(v) for v in reference.nodes]
    groups = {str(v): ("NL", "DE", "other")[v % 3] for v in reference.nodes}
    report = brokerage_undirected(nodes, groups, [(str(a), str(b)) for a, b in reference.edges])
    for v in reference.nodes:
        k = reference.degree(v)
        open_pairs = comb(k, 2) - nx.triangles(reference, v)
        assert report.observed[str(v)].total == open_pairs


def test_groups():
    assert [group_of(c) for c in ("NL", "DE", "BE", None)] == ["NL", "DE", "other", "other"]


def _pairwise_roles(nodes, groups, edges):
    """Gould and Fernandez's roles counted pair by pair: the definition, for the sparse counting to match."""
    partners = {v: set() for v in nodes}
    for a, b in edges:
        partners[a].add(b)
        partners[b].add(a)
    roles = {}
    for v in nodes:
        counts = dict.fromkeys(("coordinator", "itinerant", "boundary_spanner", "liaison"), 0)
        for a, b in combinations(sorted(partners[v]), 2):
            if b in partners[a]:
                continue
            ga, gb, gv = groups[a], groups[b], groups[v]
            if ga == gb:
                counts["coordinator" if gv == ga else "itinerant"] += 1
            else:
                counts["boundary_spanner" if gv in (ga, gb) else "liaison"] += 1
        roles[v] = counts
    return roles


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_sparse_counting_gives_every_role_of_the_pairwise_definition(seed):
    g = nx.gnm_random_graph(80, 400, seed=seed)
    nodes = [f"o{i}" for i in g.nodes]
    groups = {f"o{i}": ("NL", "DE", "other")[(i * 7 + seed) % 3] for i in g.nodes}
    edges = [(f"o{a}", f"o{b}") for a, b in g.edges]
    report = brokerage_undirected(nodes, groups, edges + [(b, a) for a, b in edges[:20]])  # repeats count once
    expected = _pairwise_roles(nodes, groups, edges)
    for v in nodes:
        counts = report.observed[v]
        assert {role: getattr(counts, role) for role in expected[v]} == expected[v], v
