"""The stored figures: computed by the task runner for every period, read by the pages."""

from __future__ import annotations

import datetime
import io

import pytest
from django.core.management import call_command

from borderless.jobs.models import Job
from borderless.network import figures
from borderless.network.models import NetworkRun, OrganisationFigures, PeriodFigures, RunState
from tests.conftest import make_org
from tests.jobs.worker import run_queued_tasks
from tests.network.test_network_report import project

pytestmark = pytest.mark.django_db


@pytest.fixture
def network():
    enschede = make_org("Enschede Sensors", town_name="Enschede", country="NL")
    muenster = make_org("Münster Maschinen", town_name="Münster", country="DE")
    bocholt = make_org("Bocholt Werke", town_name="Bocholt", country="DE")
    project("old", datetime.date(2010, 5, 1), enschede, muenster)
    project("a", datetime.date(2015, 1, 1), enschede, muenster)
    project("b", datetime.date(2016, 3, 1), enschede, bocholt, ("999000111", "BE"))
    return enschede, muenster, bocholt


def test_a_computation_stores_every_period_and_each_organisation_in_it(network):
    enschede = network[0]
    run = figures.figures_compute(reason="manual")
    assert run.state == RunState.DONE and run.computed_at is not None
    assert figures.current_run() == run
    labels = set(run.periods.values_list("label", flat=True))
    assert {"2007–2013", "2014–2020", "2010", "2015", "2016"} <= labels
    period = run.periods.get(kind="programme", first_year=2014)
    assert period.report["projects"] == 2 and period.report["nl_de_ties"] == 2
    rows = {row.name: row for row in period.organisations.all()}
    assert set(rows) == {"Enschede Sensors", "Münster Maschinen", "Bocholt Werke", "999000111"}
    assert rows["Enschede Sensors"].phase == "networked" and rows["Enschede Sensors"].cross_border_partners == 2
    assert rows["Enschede Sensors"].organisation_id == enschede.pk
    assert rows["Bocholt Werke"].arrival == "newcomer" and rows["Münster Maschinen"].arrival == "returning"
    assert rows["999000111"].country == "BE" and rows["999000111"].phase == ""  # phases are for NL and DE
    first = run.periods.get(kind="programme", first_year=2007)
    assert set(first.organisations.values_list("arrival", flat=True)) == {""}  # nobody can be told apart
    assert first.report["newcomers"] is None and first.report["newcomer_reason"] == "first_period"


def test_a_new_computation_replaces_the_one_before_the_previous(network):
    runs = [figures.figures_compute(reason="manual") for _ in range(3)]
    assert list(NetworkRun.objects.order_by("pk")) == runs[1:]
    assert figures.current_run() == runs[2]
    assert not PeriodFigures.objects.filter(run=runs[0].pk).exists()


def test_a_failed_computation_leaves_the_current_one(network, monkeypatch):
    good = figures.figures_compute(reason="manual")

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(figures, "_organisation_rows", broken)
    with pytest.raises(RuntimeError):
        figures.figures_compute(reason="manual")
    assert figures.current_run() == good
    assert NetworkRun.objects.filter(state=RunState.FAILED).count() == 1
    assert OrganisationFigures.objects.filter(period__run__state=RunState.FAILED).count() == 0


def test_compute_network_queues_a_job_or_computes_at_once(network, django_capture_on_commit_callbacks, monkeypatch):
    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("compute_network", stdout=out)
    job = Job.objects.get(kind="network-figures")
    assert str(job.pk) in out.getvalue() and job.state == "queued" and figures.current_run() is None
    run_queued_tasks(monkeypatch)
    job.refresh_from_db()
    assert job.state == "done" and figures.current_run() is not None
    assert job.summary_text() == "Figures computed for 9 periods from 3 projects."  # 2 programme periods, 7 years
    call_command("compute_network", "--sync", stdout=io.StringIO())
    assert NetworkRun.objects.filter(state=RunState.DONE, reason="nightly").count() == 2
