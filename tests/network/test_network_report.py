"""`manage.py network_report --period 2014-2020 --json` on a small hand-built network."""

from __future__ import annotations

import datetime
import io
import json

import pytest
from django.core.management import call_command

from borderless.network.models import Participation, Programme, Project
from borderless.network.selectors import parse_period
from tests.conftest import make_org

pytestmark = pytest.mark.django_db


def project(source_id: str, start: datetime.date, *members) -> Project:
    p = Project.objects.create(
        title=f"Project {source_id}",
        programme=Programme.INTERREG_V,
        start_date=start,
        source="test",
        source_id=source_id,
    )
    for member in members:
        if isinstance(member, tuple):  # a partner abroad, known by its PIC only
            pic, country = member
            Participation.objects.create(project=p, pic=pic, name=pic, country=country, role="partner")
        else:
            Participation.objects.create(
                project=p, organisation=member, pic=f"org{member.pk}", name=member.name, country="", role="partner"
            )
    return p


def report(period: str) -> dict:
    out = io.StringIO()
    call_command("network_report", "--period", period, "--json", stdout=out)
    return json.loads(out.getvalue())


def test_the_report_counts_projects_ties_phases_and_newcomers():
    enschede = make_org("Enschede Sensors", town_name="Enschede", country="NL")
    nijmegen = make_org("Nijmegen Labs", town_name="Nijmegen", country="NL")
    muenster = make_org("Münster Maschinen", town_name="Münster", country="DE")
    bocholt = make_org("Bocholt Werke", town_name="Bocholt", country="DE")
    project("old", datetime.date(2010, 5, 1), enschede, muenster)
    # 2014–2020: Enschede works with both German firms; Nijmegen only with a Belgian partner.
    project("a", datetime.date(2015, 1, 1), enschede, muenster)
    project("b", datetime.date(2016, 3, 1), enschede, bocholt)
    project("c", datetime.date(2019, 9, 1), nijmegen, ("999000111", "BE"))
    result = report("2014-2020")
    assert set(result) >= {"projects", "organisations", "ties", "nl_de_ties", "phases", "newcomers", "brokers"}
    assert result["projects"] == 3
    assert result["organisations"] == 5
    assert result["ties"] == 3
    assert result["nl_de_ties"] == 2
    assert result["phases"] == {"pre_cooperation": 1, "bilateral": 2, "networked": 1, "systemic": 0}
    assert result["newcomers"] == 3  # Bocholt, Nijmegen and the Belgian partner
    # Enschede (NL) links two German firms that are not tied to each other: an itinerant broker.
    brokers = result["brokers"]
    assert [(b["name"], b["observed"]) for b in brokers["itinerant"]] == [("Enschede Sensors", 1)]
    assert brokers["coordinator"] == brokers["boundary_spanner"] == brokers["liaison"] == []


def test_a_period_without_projects_reports_zeros():
    result = report("2021-2027")
    assert result["projects"] == 0 and result["ties"] == 0
    assert result["phases"] == {"pre_cooperation": 0, "bilateral": 0, "networked": 0, "systemic": 0}


def test_periods_are_read_with_a_hyphen_or_a_dash():
    assert parse_period("2014-2020") == parse_period("2014–2020")
    assert parse_period("2019").kind == "year"
    assert parse_period("soon") is None
