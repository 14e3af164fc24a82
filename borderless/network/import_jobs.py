"""Imports of project data as background jobs: CORDIS's two files, or a projects sheet.

An analyst uploads the files; copies are kept in JOB_FILES_DIR and the job runs `cordis_import` (or
`projects_sheet_import`) on them, all or nothing, and removes the copies when it ends. A refused file
ends the job with its per-row report in the uploader's language. A preview checks and counts without
writing; a real import that wrote something queues a new computation of the figures.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.utils.translation import gettext, gettext_noop
from django_tasks import task

from borderless.i18n.translation import translate
from borderless.jobs.models import Job
from borderless.jobs.services import JobFailed, job_file_delete, job_file_path, job_file_store, job_running, job_start

from .services import cordis_import
from .sheet_import import projects_sheet_import, sheet_source_of_file
from .tasks import figures_start

KIND = "network-import"
TITLE = gettext_noop("Import of project data")
STEP_CHECK = gettext_noop("Checking and importing the files")
MISSING = gettext_noop("The uploaded file is no longer there. Please upload it again.")
REFUSED = gettext_noop(
    "The files were not imported: %(problems)s problem(s). Nothing was written. Correct the lines listed "
    "below and upload the files again."
)
DONE = gettext_noop(
    "Imported: %(new)s new projects, %(updated)s changed, %(unchanged)s unchanged; %(matched)s participants "
    "are organisations of the platform, %(unmatched)s are kept as the data name them. The figures are being "
    "computed again."
)
PREVIEW = gettext_noop(
    "Preview, nothing was written: the import would add %(new)s new projects and change %(updated)s "
    "(%(unchanged)s unchanged); %(matched)s participants are organisations of the platform, %(unmatched)s "
    "would be kept as the data name them."
)
UNCHANGED = gettext_noop("Nothing to import: the %(unchanged)s projects of the files are stored already, unchanged.")
FILE_PROJECTS = gettext_noop("projects file")
FILE_ORGANISATIONS = gettext_noop("participants file")
FILE_SHEET = gettext_noop("projects sheet")


def cordis_import_start(*, projects, organisations, user=None, preview: bool = False) -> Job:
    """Keep copies of CORDIS's project.csv and organization.csv (uploads or paths) and start the job."""
    names = {"projects": job_file_store(source=projects, suffix=".csv")}
    names["organisations"] = job_file_store(source=organisations, suffix=".csv")
    return job_start(
        task=cordis_import_task,
        kind=KIND,
        title=TITLE,
        user=user,
        task_kwargs={"files": names, "preview": preview},
    )


def sheet_import_start(*, sheet, file_name: str, user=None, preview: bool = False) -> Job:
    """Keep a copy of a projects sheet and start the job; the sheet's name comes from the file's."""
    suffix = ".xlsx" if file_name.lower().endswith(".xlsx") else ".csv"
    name = job_file_store(source=sheet, suffix=suffix)
    return job_start(
        task=sheet_import_task,
        kind=KIND,
        title=TITLE,
        user=user,
        task_kwargs={"file_name": name, "original_name": file_name, "preview": preview},
    )


def _read(name: str) -> bytes:
    try:
        return job_file_path(name=name).read_bytes()
    except FileNotFoundError:
        raise JobFailed(MISSING) from None


def _refused(rows: list[dict]) -> JobFailed:
    return JobFailed(REFUSED, {"problems": len(rows)}, report=rows, count=len(rows))


def _finish(job, *, preview: bool, written: bool, params: dict) -> None:
    if preview:
        job.finish(summary=PREVIEW, params=params, url_name="network:import")
        return
    if not written:  # the same data again: the figures stand
        job.finish(summary=UNCHANGED, params=params, url_name="network:monitor")
        return
    figures = figures_start(reason="import", user=job.job.started_by)
    job.finish(summary=DONE, params=params, url_name="jobs:detail", url_args=[figures.pk])


def _conclude(job, result, *, preview: bool, file_label: Callable[[Any], str]) -> None:
    """End an import job: its problems as the refusal's report (file and line, column, message in the
    starter's language), else its counts, and a new computation when something changed."""
    if not result.ok:
        raise _refused(
            [
                {
                    "line": f"{file_label(p)} {p.line}" if p.line else file_label(p),
                    "column": p.column or "",
                    "message": translate(p.message),
                }
                for p in result.problems
            ]
        )
    _finish(
        job,
        preview=preview,
        written=result.changed,
        params={
            "new": result.projects_new,
            "updated": result.projects_updated,
            "unchanged": result.projects_unchanged,
            "matched": result.organisations_matched,
            "unmatched": result.organisations_new,
        },
    )


@task()
def cordis_import_task(*, job_id: int, files: dict[str, str], preview: bool) -> None:
    try:
        with job_running(job_id=job_id) as job:
            job.progress(done=0, total=1, step=STEP_CHECK)
            result = cordis_import(
                projects_data=_read(files["projects"]),
                organisations_data=_read(files["organisations"]),
                dry_run=preview,
            )
            label = {"project": gettext(FILE_PROJECTS), "organisation": gettext(FILE_ORGANISATIONS)}
            _conclude(job, result, preview=preview, file_label=lambda problem: label.get(problem.file, problem.file))
    finally:
        for name in files.values():
            job_file_delete(name=name)


@task()
def sheet_import_task(*, job_id: int, file_name: str, original_name: str, preview: bool) -> None:
    try:
        with job_running(job_id=job_id) as job:
            job.progress(done=0, total=1, step=STEP_CHECK)
            result = projects_sheet_import(
                data=_read(file_name), source=sheet_source_of_file(original_name), dry_run=preview
            )
            _conclude(job, result, preview=preview, file_label=lambda _problem: gettext(FILE_SHEET))
    finally:
        job_file_delete(name=file_name)
