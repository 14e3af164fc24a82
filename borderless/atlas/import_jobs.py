"""The bulk import of organisations as a background job: staff upload the CSV, a worker checks and imports it.

The job runs `organisations_import` (all or nothing: every row is checked before anything is written)
on a copy of the file kept in JOB_FILES_DIR, and removes the copy when it ends. A refused file ends
the job with its per-row report, in the language of the person who uploaded it.
"""

from __future__ import annotations

from pathlib import Path

from django.utils.translation import gettext_noop
from django_tasks import task

from borderless.jobs.models import Job
from borderless.jobs.services import JobFailed, job_file_delete, job_file_path, job_file_store, job_running, job_start

from .bulk_import import DEFAULT_PREFIX, ImportRefused, organisations_import, prefix_check
from .models import AtlasProfile, Visibility

KIND = "organisations-import"
TITLE = gettext_noop("Import of organisations")
STEP_COUNT = gettext_noop("Counting the rows")
STEP_CHECK = gettext_noop("Checking the rows")
STEP_WRITE = gettext_noop("Writing the organisations")
DONE = gettext_noop("Imported: %(organisations)s organisations with %(offers)s offers and %(needs)s needs.")
DONE_UNPLACED = gettext_noop(
    "Imported: %(organisations)s organisations with %(offers)s offers and %(needs)s needs. %(unplaced)s of them "
    "name no place: they are listed with “place unknown” and are not on the map."
)
REFUSED = gettext_noop(
    "The file was not imported: %(problems)s problem(s) in %(rows)s rows. Nothing was written. "
    "Correct the lines listed below and upload the file again."
)
MISSING = gettext_noop("The uploaded file is no longer there. Please upload it again.")


def organisations_import_start(*, source, user=None, prefix: str = DEFAULT_PREFIX, language: str | None = None) -> Job:
    """Keep a copy of the CSV (an upload or a path) and start the import job on it."""
    prefix_check(prefix)
    name = job_file_store(source=source, suffix=".csv")
    return job_start(
        task=organisations_import_task,
        kind=KIND,
        title=TITLE,
        user=user,
        language=language,
        task_kwargs={"file_name": name, "prefix": prefix},
    )


def _data_lines(path: Path) -> int:
    """Lines after the header: the number of rows unless a field holds a line break (then a little more)."""
    with open(path, "rb") as file:
        return max(sum(1 for _line in file) - 1, 0)


@task()
def organisations_import_task(*, job_id: int, file_name: str, prefix: str) -> None:
    try:
        with job_running(job_id=job_id) as job:
            path = job_file_path(name=file_name)
            job.progress(done=0, total=0, step=STEP_COUNT)
            try:
                rows = _data_lines(path)
            except FileNotFoundError:
                raise JobFailed(MISSING) from None

            def progress(step: str, done: int) -> None:
                done = min(done, rows)
                if step == "check":
                    job.progress(done=done, total=2 * rows, step=STEP_CHECK)
                else:
                    job.progress(done=rows + done, total=2 * rows, step=STEP_WRITE)

            try:
                result = organisations_import(path=path, prefix=prefix, progress=progress)
            except ImportRefused as refused:
                check = refused.check
                raise JobFailed(
                    REFUSED,
                    {"problems": check.error_count, "rows": check.rows},
                    report=[{"line": e.line, "column": e.column, "message": e.message} for e in check.errors],
                    count=check.error_count,
                ) from None
            first_public = (
                AtlasProfile.objects.filter(organisation__slug__startswith=prefix, visibility=Visibility.PUBLIC)
                .order_by("-organisation_id")
                .values_list("organisation__slug", flat=True)
                .first()
            )
            params = {"organisations": result.organisations, "offers": result.offers, "needs": result.needs}
            if result.unplaced:
                params["unplaced"] = result.unplaced
            job.finish(
                summary=DONE_UNPLACED if result.unplaced else DONE,
                params=params,
                url_name="atlas:detail" if first_public else "atlas:search",
                url_args=[first_public] if first_public else [],
            )
    finally:
        job_file_delete(name=file_name)
