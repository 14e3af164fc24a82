"""The e-mail digests as a background job: `send_instrument_digests` enqueues it, a worker sends them."""

from __future__ import annotations

from django.utils.translation import gettext_noop
from django_tasks import task

from borderless.jobs.models import Job
from borderless.jobs.services import job_running, job_start

from .digest import digests_send

KIND = "instrument-digests"
TITLE = gettext_noop("E-mail digests of saved searches")
STEP = gettext_noop("Sending the digests")
DONE = gettext_noop(
    "Saved searches with alerts: %(searches)s. Digests sent: %(sent)s; without news: %(nothing_new)s; "
    "skipped: %(skipped)s."
)


def digests_start(*, base_url: str, user=None) -> Job:
    return job_start(task=digests_send_task, kind=KIND, title=TITLE, user=user, task_kwargs={"base_url": base_url})


@task()
def digests_send_task(*, job_id: int, base_url: str) -> None:
    with job_running(job_id=job_id) as job:

        def progress(done: int, total: int) -> None:
            job.progress(done=done, total=total, step=STEP)

        report = digests_send(base_url=base_url, progress=progress)
        job.finish(
            summary=DONE,
            params={
                "searches": report.searches,
                "sent": report.sent,
                "nothing_new": report.nothing_new,
                "skipped": len(report.skipped),
            },
        )
