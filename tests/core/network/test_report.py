import datetime

import pytest

from borderless.core.network import Participation, Period, Phase, network_reports

D = datetime.date
COUNTRIES = {"n1": "NL", "n2": "NL", "d1": "DE", "d2": "DE", "b1": "BE"}


def test_reports_per_programme_period_carry_every_figure():
    projects = {
        "p1": (D(2012, 5, 1), ["n1", "d1"]),
        "p2": (D(2013, 2, 1), ["n1", "d2"]),
        "p3": (D(2016, 1, 1), ["n1", "d1", "d2"]),
        "p4": (D(2018, 1, 1), ["n2", "b1"]),
        "huge": (D(2019, 1, 1), ["n2", *[f"x{i}" for i in range(60)]]),
    }
    participations = [Participation(o, p) for p, (_, orgs) in projects.items() for o in orgs]
    starts = {p: day for p, (day, _) in projects.items()}
    regions = {"n1": "Twente", "n2": "Twente", "d1": "Münsterland", "d2": "Münsterland"}
    first, second = network_reports(participations, starts, COUNTRIES, "programme", regions=regions)
    assert first.phases["n1"] == Phase.NETWORKED
    assert second.phases["n1"] == Phase.SYSTEMIC
    assert second.phases["n2"] == Phase.PRE_COOPERATION
    metrics = second.metrics
    assert (metrics.organisations, metrics.projects, metrics.ties, metrics.nl_de_ties) == (65, 3, 4, 2)
    assert metrics.ei.value == pytest.approx((2 - 1) / 3)
    assert metrics.components == 62
    assert metrics.transitivity == pytest.approx(1.0)
    rows = {r.organisation: r for r in second.organisations.organisations}
    assert rows["n1"].cross_border_partners == 2
    assert second.organisations.betweenness_method == "exact"
    assert second.brokerage.observed["n2"].total == 0
    assert second.components[0].phase == Phase.SYSTEMIC
    twente = {r.region: r for r in second.regions}["Twente"]
    assert twente.most_advanced == Phase.SYSTEMIC
    assert (second.turnover.newcomers, second.turnover.returning) == (62, 3)
    assert first.turnover.newcomer_reason == "first_period"
    # One period alone is the same report, its predecessor still counting for phases and newcomers.
    (alone,) = network_reports(participations, starts, COUNTRIES, "programme", regions=regions, only=second.period)
    assert alone == second
    assert network_reports(participations, starts, COUNTRIES, "programme", only=Period(2028, 2034, "programme")) == ()


def test_yearly_reports_include_empty_years():
    participations = [Participation("n1", "a"), Participation("d1", "a"), Participation("n1", "b")]
    starts = {"a": D(2015, 1, 1), "b": D(2017, 1, 1)}
    reports = network_reports(participations, starts, COUNTRIES, "year")
    assert [r.period.label for r in reports] == ["2015", "2016", "2017"]
    assert reports[1].metrics.organisations == 0
    assert reports[2].turnover.returning == 1
