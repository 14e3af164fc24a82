"""A job: long work (an import, the digests) that runs in a worker while its starter watches a progress page.

Texts a job shows (its title, the current step, the summary, the error) are stored as message ids with
their parameters and translated when shown, in the language of whoever looks. The per-row report of a
refused import is written by the job in its starter's language (`language`).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class JobState(models.TextChoices):
    QUEUED = "queued", _("Waiting to start")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


def default_language() -> str:
    return settings.LANGUAGE_CODE


def message_text(msgid: str, params: dict | None = None) -> str:
    """A stored message id, translated into the active language and filled in."""
    if not msgid:
        return ""
    text = gettext(msgid)
    return text % params if params else text


class Job(models.Model):
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="jobs",
        verbose_name=_("started by"),
        help_text=_("Empty for jobs started by the system (a management command or cron)."),
    )
    kind = models.SlugField(_("kind"), max_length=64)
    title = models.CharField(_("title"), max_length=200, help_text=_("Message id, translated when shown."))
    language = models.CharField(_("language"), max_length=8, default=default_language)
    state = models.CharField(_("state"), max_length=10, choices=JobState.choices, default=JobState.QUEUED)
    progress_done = models.PositiveIntegerField(_("done"), default=0)
    progress_total = models.PositiveIntegerField(_("total"), default=0, help_text=_("0 while unknown."))
    step = models.CharField(_("step"), max_length=200, blank=True, help_text=_("Message id of the current step."))
    result_url_name = models.CharField(_("result page"), max_length=100, blank=True)
    result_url_args = models.JSONField(_("result page arguments"), default=list, blank=True)
    result_url_query = models.JSONField(_("result page query"), default=dict, blank=True)
    summary = models.CharField(_("summary"), max_length=300, blank=True)
    summary_params = models.JSONField(_("summary parameters"), default=dict, blank=True)
    error = models.CharField(_("error"), max_length=300, blank=True)
    error_params = models.JSONField(_("error parameters"), default=dict, blank=True)
    error_report = models.JSONField(
        _("error report"), default=list, blank=True, help_text=_("Problems by line and column, for the starter.")
    )
    error_count = models.PositiveIntegerField(_("problems"), default=0)
    task_result_id = models.CharField(_("task result id"), max_length=64, blank=True, db_index=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("job")
        verbose_name_plural = _("jobs")

    def __str__(self) -> str:
        return f"{self.kind} #{self.pk}"

    @property
    def finished(self) -> bool:
        return self.state in (JobState.DONE, JobState.FAILED)

    def title_text(self) -> str:
        return message_text(self.title)

    def step_text(self) -> str:
        return message_text(self.step)

    def summary_text(self) -> str:
        return message_text(self.summary, self.summary_params)

    def error_text(self) -> str:
        return message_text(self.error, self.error_params)
