"""The patterns of growing cooperation stored with a period's report."""

from __future__ import annotations

import datetime

import pytest

from borderless.contacts.models import ContactRequest
from borderless.network import figures
from tests.conftest import make_org
from tests.network.test_network_report import project

pytestmark = pytest.mark.django_db


def test_a_period_stores_its_patterns_with_introductions_that_became_projects(monkeypatch):
    e = make_org("Enschede Sensors", town_name="Enschede", country="NL")
    m = make_org("Münster Maschinen", town_name="Münster", country="DE")
    b = make_org("Bocholt Werke", town_name="Bocholt", country="DE")
    hub = make_org("Hub Twente", kind="intermediary", town_name="Hengelo", country="NL")
    project("a", datetime.date(2015, 1, 1), e, m)
    project("b", datetime.date(2017, 3, 1), e, m, b)  # the pair adds Bocholt
    introduced = ContactRequest.objects.create(
        kind=ContactRequest.Kind.INTRODUCTION, requester=e, receiver=b, broker=hub, message="…"
    )
    ContactRequest.objects.filter(pk=introduced.pk).update(
        created_at=datetime.datetime(2016, 6, 1, 12, tzinfo=datetime.UTC)
    )
    run = figures.figures_compute()
    patterns = run.periods.get(kind="programme", first_year=2014).report["patterns"]
    assert patterns["dyad_adds_third"]["count"] == 1
    dyad = patterns["dyad_adds_third"]["first"][0]
    assert {p["name"] for p in dyad["pair"]} == {"Enschede Sensors", "Münster Maschinen"}
    assert [p["name"] for p in dyad["third_partners"]] == ["Bocholt Werke"]
    became = patterns["introduction_became_project"]
    assert became["count"] == 1 and became["introducers"][0]["name"] == "Hub Twente"
    assert "reason" in run.periods.filter(kind="year").first().report["patterns"]
    # The introduction is a directed tie Enschede → Hub Twente → Bocholt: the Dutch hub brings a Dutch
    # firm to a German one, and so represents its own side (Gould and Fernandez's representative).
    brokerage = patterns["introduction_brokerage"]
    assert brokerage["introductions"] == 1
    (hub_roles,) = brokerage["introducers"]
    assert hub_roles["name"] == "Hub Twente"
    assert hub_roles["observed"] == {
        "coordinator": 0, "itinerant": 0, "gatekeeper": 0, "representative": 1, "liaison": 0,
    }  # fmt: skip

    monkeypatch.setattr(figures, "PATTERNS_MAX_PARTICIPATIONS", 2)
    big = figures.figures_compute().periods.get(kind="programme", first_year=2014).report["patterns"]
    assert big["skipped"] == "too_large" and big["reason"] == "too large to list here"
