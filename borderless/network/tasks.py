"""The network's long work as jobs for the task runner: computing the figures."""

from __future__ import annotations

from django.utils.translation import gettext_noop
from django_tasks import task

from borderless.jobs.models import Job
from borderless.jobs.services import job_running, job_start

from .figures import figures_compute

FIGURES_KIND = "network-figures"
FIGURES_TITLE = gettext_noop("Computing the collaboration network's figures")
FIGURES_STEP = gettext_noop("Computing the periods")
FIGURES_DONE = gettext_noop("Figures computed for %(periods)s periods from %(projects)s projects.")


def figures_start(*, reason: str, user=None) -> Job:
    """Queue a computation of every period's figures (after an import, nightly, or on request)."""
    return job_start(
        task=figures_compute_task, kind=FIGURES_KIND, title=FIGURES_TITLE, user=user, task_kwargs={"reason": reason}
    )


@task()
def figures_compute_task(*, job_id: int, reason: str) -> None:
    with job_running(job_id=job_id) as job:

        def progress(done: int, total: int) -> None:
            job.progress(done=done, total=total, step=FIGURES_STEP)

        run = figures_compute(reason=reason, job=job.job, progress=progress)
        job.finish(
            summary=FIGURES_DONE,
            params={"periods": run.periods.count(), "projects": run.projects},
            url_name="network:monitor",
        )
