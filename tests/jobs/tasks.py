"""Tasks for the tests of the jobs app: one that counts, one that refuses, one that breaks."""

from __future__ import annotations

from django.utils.translation import gettext_noop
from django_tasks import task

from borderless.jobs.services import JobFailed, job_running

# Message ids the platform translates, so that the tests can see the starter's language.
STEP = gettext_noop("Checking the rows")
SUMMARY = gettext_noop("Imported: %(organisations)s organisations with %(offers)s offers and %(needs)s needs.")
REFUSED = gettext_noop("The uploaded file is no longer there. Please upload it again.")


@task()
def count_task(*, job_id: int, upto: int) -> None:
    with job_running(job_id=job_id) as job:
        for done in range(upto + 1):
            job.progress(done=done, total=upto, step=STEP)
        job.finish(
            summary=SUMMARY,
            params={"organisations": upto, "offers": 0, "needs": 0},
            url_name="atlas:search",
        )


@task()
def refuse_task(*, job_id: int) -> None:
    with job_running(job_id=job_id):
        raise JobFailed(REFUSED, report=[{"line": 3, "column": "town_geonameid", "message": "Unknown town “x”."}])


@task()
def break_task(*, job_id: int) -> None:
    with job_running(job_id=job_id):
        raise RuntimeError("/srv/borderless/secret/path.py exploded")
