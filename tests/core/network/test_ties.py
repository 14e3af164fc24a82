import datetime

import pytest

from borderless.core.network import Participation, Period, ei_index, period_of, periods_between, tie_graph

from .helpers import tie_graph_of

D = datetime.date
PROGRAMME = Period(2014, 2020, "programme")


def participations(projects):
    return [Participation(org, project) for project, orgs in projects.items() for org in orgs]


def test_ties_count_shared_projects_up_to_fifty_participants():
    big = [f"o{i}" for i in range(51)]
    fifty = [f"o{i}" for i in range(50)]
    projects = {"small": ["a", "b", "c"], "again": ["a", "b"], "big": big, "fifty": fifty}
    starts = {p: D(2015, 3, 1) for p in projects}
    graph = tie_graph(participations(projects), starts, {}, PROGRAMME)
    assert graph.ties[("a", "b")] == 2
    assert graph.ties[("a", "c")] == 1
    # The 51-participant project is participation only; the 50-participant one makes ties.
    assert "o50" in graph.organisations
    assert not any("o50" in pair for pair in graph.ties)
    assert graph.ties[("o0", "o1")] == 1
    assert len(graph.ties) == 3 + 50 * 49 // 2
    assert graph.participations["o0"] == 2
    assert graph.participations["o50"] == 1
    assert graph.projects == 4
    smaller = tie_graph(participations(projects), starts, {}, PROGRAMME, max_participants=3)
    assert set(smaller.ties) == {("a", "b"), ("a", "c"), ("b", "c")}


def test_ties_belong_to_the_period_the_project_started_in():
    projects = {"p2013": ["a", "b"], "p2014": ["a", "c"], "p2020": ["c", "d"], "p2021": ["d", "e"]}
    starts = {"p2013": D(2013, 12, 31), "p2014": D(2014, 1, 1), "p2020": D(2020, 12, 31), "p2021": D(2021, 1, 1)}
    graph = tie_graph(participations(projects), starts, {}, PROGRAMME)
    assert set(graph.ties) == {("a", "c"), ("c", "d")}
    assert graph.organisations == ("a", "c", "d")
    year = tie_graph(participations(projects), starts, {}, Period(2013, 2013, "year"))
    assert set(year.ties) == {("a", "b")}


def test_duplicate_participations_count_once():
    graph = tie_graph(
        [Participation("a", "p"), Participation("a", "p"), Participation("b", "p")], {"p": D(2016, 1, 1)}, {}, PROGRAMME
    )
    assert graph.ties == {("a", "b"): 1}
    assert graph.participations == {"a": 1, "b": 1}


def test_a_project_without_start_date_is_an_error():
    with pytest.raises(KeyError):
        tie_graph([Participation("a", "p")], {}, {}, PROGRAMME)


def test_period_bucketing():
    assert period_of(D(2013, 12, 31), "programme") == Period(2007, 2013, "programme")
    assert period_of(D(2021, 1, 1), "programme").label == "2021–2027"
    assert period_of(D(2006, 6, 1), "programme") is None
    assert period_of(D(2019, 5, 1), "year") == Period(2019, 2019, "year")
    days = [D(2016, 1, 1), D(2019, 1, 1), D(2005, 1, 1)]
    assert [p.label for p in periods_between(days, "year")] == [str(y) for y in range(2005, 2020)]
    assert [p.label for p in periods_between([D(2008, 1, 1), D(2022, 1, 1)], "programme")] == [
        "2007–2013",
        "2014–2020",
        "2021–2027",
    ]
    assert periods_between([D(2015, 1, 1)], "programme") == (PROGRAMME,)
    assert periods_between([], "year") == ()


def test_ei_index_by_hand():
    countries = {"n1": "NL", "n2": "NL", "d1": "DE", "d2": "DE", "b1": "BE"}
    # E: n1–d1, n2–d1, n1–d2 = 3; I: n1–n2 = 1; ties with b1 are left out.
    graph = tie_graph_of(
        [("n1", "d1"), ("n2", "d1"), ("n1", "d2"), ("n1", "n2"), ("b1", "n1"), ("b1", "d1")], countries
    )
    ei = ei_index(graph)
    assert (ei.external, ei.internal) == (3, 1)
    assert ei.value == pytest.approx((3 - 1) / (3 + 1))
    assert graph.nl_de_ties == 3
    assert ei_index(tie_graph_of([("n1", "n2"), ("d1", "d2")], countries)).value == -1.0
    assert ei_index(tie_graph_of([("n1", "d1")], countries)).value == 1.0
    assert ei_index(tie_graph_of([("b1", "n1")], countries)).value is None
