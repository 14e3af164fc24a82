import datetime

import pytest

from borderless.core.network import Participation, periods_between, tie_graph, turnover

D = datetime.date


def run(projects, starts, countries=None, kind="programme"):
    participations = [Participation(o, p) for p, orgs in projects.items() for o in orgs]
    graphs = [
        tie_graph(participations, starts, countries or {}, period)
        for period in periods_between(list(starts.values()), kind)
    ]
    return turnover(participations, starts, graphs)


def test_newcomers_returning_and_growth():
    projects = {"p1": ["a", "b"], "p2": ["a", "c", "d"], "p3": ["c", "e"], "p4": ["f", "a"]}
    starts = {"p1": D(2010, 1, 1), "p2": D(2015, 1, 1), "p3": D(2022, 1, 1), "p4": D(2023, 1, 1)}
    first, second, third = run(projects, starts, {"a": "NL", "c": "DE", "d": "DE", "e": "NL", "f": "DE"})
    assert first.period.label == "2007–2013"
    assert (first.newcomers, first.returning, first.newcomer_share) == (None, None, None)
    assert first.newcomer_reason == first.growth_reason == "first_period"
    assert first.organisations_growth is None
    # 2014–2020: a returns, c and d are new.
    assert (second.organisations, second.newcomers, second.returning) == (3, 2, 1)
    assert second.newcomer_share == pytest.approx(2 / 3)
    assert second.newcomer_reason is None
    assert (second.organisations_growth.previous, second.organisations_growth.current) == (2, 3)
    assert second.organisations_growth.relative == pytest.approx(0.5)
    assert (second.ties_growth.previous, second.ties_growth.current) == (1, 3)
    assert (second.nl_de_ties_growth.previous, second.nl_de_ties_growth.current) == (0, 2)
    assert second.nl_de_ties_growth.relative is None
    # 2021–2027: c and a return, e and f are new; a is active in all three periods.
    assert (third.newcomers, third.returning) == (2, 2)
    assert "a" in third.usual_suspects
    assert third.nl_de_ties_growth.absolute == 0


def test_projects_before_the_first_programme_period_make_returners():
    projects = {"old": ["a"], "new": ["a", "b"]}
    starts = {"old": D(2005, 1, 1), "new": D(2008, 1, 1)}
    (only,) = run(projects, starts)
    assert (only.newcomers, only.returning, only.newcomer_reason) == (1, 1, None)
    assert only.growth_reason == "first_period"


def test_usual_suspects_by_three_periods_or_top_decile():
    starts = {f"y{y}": D(y, 1, 1) for y in (2015, 2016, 2017)}
    projects = {"y2015": ["a", "b"], "y2016": ["a"], "y2017": ["a", "c"]}
    years = run(projects, starts, kind="year")
    assert [t.usual_suspects for t in years][2] == ("a", "c")  # a: three years; c: tied at the top (2 orgs → 1)
    # Twenty organisations in one period: the top 10% (2) by participations.
    big = {f"p{i}": ["top1", "top2", f"o{i}"] for i in range(18)}
    big["extra"] = ["top1"]
    (period,) = run(big, {p: D(2016, 1, 1) for p in big})
    assert period.usual_suspects == ("top1", "top2")
    assert period.organisations == 20
    assert period.top_decile_participation_share == pytest.approx((19 + 18) / (19 + 18 + 18))
