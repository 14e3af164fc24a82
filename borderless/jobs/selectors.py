"""Reads of jobs: the one job a person may watch, and what its progress page and endpoint show."""

from __future__ import annotations

from urllib.parse import urlencode

from django.http import Http404
from django.urls import NoReverseMatch, reverse
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from .models import Job, JobState


def job_for_viewer(*, pk: int, user) -> Job:
    """The job if `user` started it or is staff; 404 otherwise, whether it exists or not."""
    job = Job.objects.filter(pk=pk).first()
    if job is None or not user.is_authenticated:
        raise Http404
    if not (user.is_staff or (job.started_by_id is not None and job.started_by_id == user.pk)):
        raise Http404
    return job


def job_result_url(*, job: Job) -> str:
    if not job.result_url_name:
        return ""
    try:
        url = reverse(job.result_url_name, args=job.result_url_args)
    except NoReverseMatch:
        return ""
    return url + ("?" + urlencode(job.result_url_query) if job.result_url_query else "")


def job_status(*, job: Job) -> dict:
    """The job's state for the progress page's script: plain values, translated into the active language."""
    total = job.progress_total
    done = min(job.progress_done, total) if total else job.progress_done
    return {
        "id": job.pk,
        "state": job.state,
        "state_label": job.get_state_display(),
        "step": job.step_text(),
        "done": done,
        "total": total,
        "percent": round(100 * done / total) if total else None,
        "finished": job.finished,
        "text": job_status_text(job=job, done=done),
    }


def job_status_text(*, job: Job, done: int | None = None) -> str:
    """One sentence for the state, as the page and the screen reader say it."""
    if job.state == JobState.QUEUED:
        return _("Waiting for a worker to start the job.")
    if job.state == JobState.DONE:
        return _("The job is done.")
    if job.state == JobState.FAILED:
        return _("The job failed.")
    done = job.progress_done if done is None else done
    step = job.step_text()
    if job.progress_total and step:
        return _("%(step)s: %(done)s of %(total)s") % {
            "step": step,
            "done": number_format(done, force_grouping=True),
            "total": number_format(job.progress_total, force_grouping=True),
        }
    return step or _("The job is running.")
