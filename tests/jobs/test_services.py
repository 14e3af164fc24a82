"""Starting a job queues its task only once the transaction commits; the task reports into the job."""

from __future__ import annotations

import pytest
from django.db import transaction
from django_tasks_db.models import DBTaskResult

from borderless.jobs.models import Job, JobState
from borderless.jobs.services import job_start
from tests.jobs import tasks
from tests.jobs.worker import run_queued_tasks

pytestmark = pytest.mark.django_db


def test_the_task_is_queued_when_the_transaction_commits(alice, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with transaction.atomic():
            job = job_start(task=tasks.count_task, kind="count", title=tasks.STEP, user=alice, task_kwargs={"upto": 3})
            assert not DBTaskResult.objects.exists()
    assert len(callbacks) == 1
    job.refresh_from_db()
    queued = DBTaskResult.objects.get()
    assert job.task_result_id == str(queued.id)
    assert queued.task_path == "tests.jobs.tasks.count_task"
    assert queued.args_kwargs["kwargs"] == {"job_id": job.pk, "upto": 3}
    assert (job.state, job.started_by, job.language) == (JobState.QUEUED, alice, "en")


def test_a_rolled_back_start_queues_nothing(alice, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError):
        with transaction.atomic():
            job_start(task=tasks.count_task, kind="count", title=tasks.STEP, user=alice, task_kwargs={"upto": 3})
            raise RuntimeError
    assert not Job.objects.exists() and not DBTaskResult.objects.exists()


def test_the_worker_runs_the_job_to_its_end(alice, django_capture_on_commit_callbacks, monkeypatch):
    with django_capture_on_commit_callbacks(execute=True):
        job = job_start(task=tasks.count_task, kind="count", title=tasks.STEP, user=alice, task_kwargs={"upto": 4})

    run_queued_tasks(monkeypatch)

    job.refresh_from_db()
    assert job.state == JobState.DONE
    assert (job.progress_done, job.progress_total) == (4, 4)
    assert job.started_at and job.finished_at and job.finished_at >= job.started_at
    assert job.summary_text() == "Imported: 4 organisations with 0 offers and 0 needs."
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"


def test_a_refusal_keeps_its_message_and_report(alice, django_capture_on_commit_callbacks, monkeypatch):
    with django_capture_on_commit_callbacks(execute=True):
        job = job_start(task=tasks.refuse_task, kind="refuse", title=tasks.STEP, user=alice, language="de")

    run_queued_tasks(monkeypatch)

    job.refresh_from_db()
    assert job.state == JobState.FAILED
    assert job.error_count == 1 and job.error_report[0]["column"] == "town_geonameid"
    assert job.error_text() == "The uploaded file is no longer there. Please upload it again."


def test_an_unexpected_error_shows_a_general_message_and_no_traceback(
    alice, django_capture_on_commit_callbacks, monkeypatch
):
    with django_capture_on_commit_callbacks(execute=True):
        job = job_start(task=tasks.break_task, kind="break", title=tasks.STEP, user=alice)

    run_queued_tasks(monkeypatch)

    job.refresh_from_db()
    assert job.state == JobState.FAILED
    assert "unexpected error" in job.error_text()
    assert "secret" not in job.error_text() and job.error_report == []
    # The task result keeps the traceback for the platform team.
    assert DBTaskResult.objects.get().status == "FAILED"
