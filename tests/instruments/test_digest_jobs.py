"""The digests as a background job: the daily command queues it, a worker sends the mails and reports."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command

from borderless.instruments.matching import snapshot_clear
from borderless.jobs.models import Job, JobState
from tests.jobs.worker import run_queued_tasks

from .finder_data import make_instrument
from .test_saved import BASE, save, vouchers  # noqa: F401

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_snapshot():
    snapshot_clear()
    yield
    snapshot_clear()


def test_the_command_queues_the_digests_and_a_worker_sends_them(
    client,
    dora,
    vouchers,  # noqa: F811
    django_capture_on_commit_callbacks,
    monkeypatch,
):
    client.force_login(dora)
    save(client, kind="voucher", name="Gutscheine")
    mail.outbox.clear()
    make_instrument("new-voucher", name="New voucher", name_de="Neuer Gutschein", name_nl="Nieuwe voucher")
    out = StringIO()

    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_instrument_digests", "--base-url", BASE, stdout=out)

    job = Job.objects.get()
    assert f"queued as job {job.pk}" in out.getvalue()
    assert mail.outbox == [] and job.state == JobState.QUEUED and job.started_by is None

    run_queued_tasks(monkeypatch)

    assert [m.to for m in mail.outbox] == [["dora@example.de"]]
    assert f"{BASE}/de/instruments/new-voucher/" in mail.outbox[0].body
    job.refresh_from_db()
    assert job.state == JobState.DONE
    assert (job.progress_done, job.progress_total) == (1, 1)
    assert job.summary_text() == ("Saved searches with alerts: 1. Digests sent: 1; without news: 0; skipped: 0.")


def test_a_dry_run_counts_in_this_process(client, alice, vouchers):  # noqa: F811
    client.force_login(alice)
    save(client, name="Alles")
    mail.outbox.clear()
    make_instrument("another", name="Another")
    out = StringIO()
    call_command("send_instrument_digests", "--base-url", BASE, "--dry-run", stdout=out)
    assert "1 saved searches with alerts: 1 digests would be sent" in out.getvalue()
    assert mail.outbox == [] and not Job.objects.exists()
