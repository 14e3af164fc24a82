"""Writes of jobs: start one (the row, then the task once the transaction commits) and report from inside it.

A task that runs as a job takes the job's id and wraps its work in `job_running`:

    @task()
    def thing_do(*, job_id: int) -> None:
        with job_running(job_id=job_id) as job:
            job.progress(done=0, total=10, step=gettext_noop("Counting"))
            ...
            job.finish(summary=gettext_noop("%(n)s things done."), params={"n": 10})

Inside, the starter's language is active. Raising `JobFailed` ends the job with a translated message
(and a per-row report) for the starter; any other exception ends it with a general message, the
traceback going only to the log and the task result.
"""

from __future__ import annotations

import logging
import shutil
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext_noop
from django_tasks.base import Task

from .models import Job, JobState

logger = logging.getLogger(__name__)

UNEXPECTED_ERROR = gettext_noop(
    "The job stopped because of an unexpected error. Nothing was changed. Please try again later; if it "
    "happens again, tell the platform team."
)
REPORT_MAX = 1000


class JobFailed(Exception):
    """Ends the running job with a message for its starter (a message id and its parameters)."""

    def __init__(self, message: str, params: dict | None = None, *, report: list[dict] | None = None, count: int = 0):
        super().__init__(message)
        self.message = message
        self.params = params or {}
        self.report = (report or [])[:REPORT_MAX]
        self.count = count or len(report or [])


def job_start(
    *,
    task: Task,
    kind: str,
    title: str,
    user=None,
    language: str | None = None,
    task_kwargs: dict | None = None,
) -> Job:
    """Create the job and enqueue its task (with `job_id` and `task_kwargs`) once the transaction commits."""
    job = Job.objects.create(
        started_by=user if user is not None and user.is_authenticated else None,
        kind=kind,
        title=title,
        language=(language or translation.get_language() or settings.LANGUAGE_CODE)[:8],
    )

    def enqueue() -> None:
        result = task.enqueue(job_id=job.pk, **(task_kwargs or {}))
        Job.objects.filter(pk=job.pk).update(task_result_id=str(result.id))

    transaction.on_commit(enqueue)
    return job


class JobReporter:
    """What a running task tells its job: progress, and at the end the result."""

    def __init__(self, job: Job) -> None:
        self.job = job

    def progress(self, *, done: int, total: int | None = None, step: str | None = None) -> None:
        changes: dict = {"progress_done": max(0, done)}
        if total is not None:
            changes["progress_total"] = max(0, total)
        if step is not None:
            changes["step"] = step
        Job.objects.filter(pk=self.job.pk).update(**changes)
        for name, value in changes.items():
            setattr(self.job, name, value)

    def finish(
        self,
        *,
        summary: str = "",
        params: dict | None = None,
        url_name: str = "",
        url_args: list | None = None,
        url_query: dict | None = None,
    ) -> None:
        self.job.summary, self.job.summary_params = summary, params or {}
        self.job.result_url_name, self.job.result_url_args = url_name, list(url_args or [])
        self.job.result_url_query = url_query or {}
        self._end(JobState.DONE)

    def fail(self, failure: JobFailed) -> None:
        self.job.error, self.job.error_params = failure.message, failure.params
        self.job.error_report, self.job.error_count = failure.report, failure.count
        self._end(JobState.FAILED)

    def _end(self, state: str) -> None:
        job = self.job
        job.state, job.finished_at = state, timezone.now()
        if state == JobState.DONE and job.progress_total:
            job.progress_done = job.progress_total
        job.save()


@contextmanager
def job_running(*, job_id: int) -> Iterator[JobReporter]:
    """Mark the job running in its starter's language; record how it ended (see the module's docstring)."""
    job = Job.objects.get(pk=job_id)
    job.state, job.started_at = JobState.RUNNING, timezone.now()
    job.save(update_fields=["state", "started_at"])
    reporter = JobReporter(job)
    with translation.override(job.language):
        try:
            yield reporter
        except JobFailed as failure:
            reporter.fail(failure)
            return
        except Exception:
            logger.exception("job %s (%s) failed", job.pk, job.kind)
            reporter.fail(JobFailed(UNEXPECTED_ERROR))
            raise
    if job.state == JobState.RUNNING:  # the task did not call finish(): done, without a summary
        reporter.finish()


# --- files a job reads -----------------------------------------------------------------------------------


def job_file_store(*, source, suffix: str = "") -> str:
    """Keep a file (an upload or a path) in JOB_FILES_DIR for a job to read; returns its name there."""
    directory = Path(settings.JOB_FILES_DIR)
    directory.mkdir(parents=True, exist_ok=True)
    name = f"{uuid.uuid4().hex}{suffix}"
    with open(directory / name, "wb") as target:
        if isinstance(source, str | Path):
            with open(source, "rb") as file:
                shutil.copyfileobj(file, target)
        else:
            for chunk in source.chunks():
                target.write(chunk)
    return name


def job_file_path(*, name: str) -> Path:
    path = (Path(settings.JOB_FILES_DIR) / name).resolve()
    if path.parent != Path(settings.JOB_FILES_DIR).resolve():
        raise ValueError("not a job file")
    return path


def job_file_delete(*, name: str) -> None:
    job_file_path(name=name).unlink(missing_ok=True)
