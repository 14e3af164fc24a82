"""Contacts between organisations: requests, introductions by intermediaries, their history, blocks,
reports of abuse and the notices people receive about them.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from borderless.organisations.models import Organisation


class ContactRequest(models.Model):
    """A request for contact between two organisations, or an introduction by an intermediary.

    Contact details are revealed to both sides only when every side that has to agree has agreed:
    the receiver for a direct request; both organisations for an introduction. For an anonymous
    profile the receiver's intermediary decides on the firm's behalf.
    """

    class Kind(models.TextChoices):
        DIRECT = "direct", _("Request for contact")
        INTRODUCTION = "introduction", _("Introduction by an intermediary")

    class State(models.TextChoices):
        PENDING = "pending", _("waiting for an answer")
        ACCEPTED = "accepted", _("accepted")
        DECLINED = "declined", _("declined")
        WITHDRAWN = "withdrawn", _("withdrawn")

    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, default=Kind.DIRECT)
    requester = models.ForeignKey(
        Organisation, verbose_name=_("from"), on_delete=models.CASCADE, related_name="contact_requests_sent"
    )
    receiver = models.ForeignKey(
        Organisation, verbose_name=_("to"), on_delete=models.CASCADE, related_name="contact_requests_received"
    )
    # For an introduction: the intermediary organisation that brokers it.
    broker = models.ForeignKey(
        Organisation,
        verbose_name=_("introduced by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="introductions",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("written by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    message = models.TextField(_("message"), max_length=1000)
    state = models.CharField(_("state"), max_length=12, choices=State.choices, default=State.PENDING)
    # Who has agreed: the requester agrees by asking; in an introduction both sides must agree.
    requester_accepted = models.BooleanField(default=True)
    receiver_accepted = models.BooleanField(default=False)
    created_at = models.DateTimeField(_("sent"), default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("contact request")
        verbose_name_plural = _("contact requests")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["receiver", "created_at"], name="contact_receiver_day")]

    def __str__(self) -> str:
        return f"{self.requester} → {self.receiver} ({self.state})"


class ContactEvent(models.Model):
    """The state history of a contact request: who did what, when."""

    class Action(models.TextChoices):
        SENT = "sent", _("sent")
        ACCEPTED = "accepted", _("accepted")
        DECLINED = "declined", _("declined")
        WITHDRAWN = "withdrawn", _("withdrawn")
        REPORTED = "reported", _("reported")

    request = models.ForeignKey(ContactRequest, on_delete=models.CASCADE, related_name="events")
    action = models.CharField(_("action"), max_length=12, choices=Action.choices)
    organisation = models.ForeignKey(Organisation, null=True, on_delete=models.SET_NULL, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField(default=timezone.now)
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.action} {self.at:%Y-%m-%d %H:%M}"


class Block(models.Model):
    """An organisation no longer accepts contact requests from another."""

    blocker = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="blocks")
    blocked = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="blocked_by")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("block")
        verbose_name_plural = _("blocks")
        constraints = [models.UniqueConstraint(fields=["blocker", "blocked"], name="one_block_per_pair")]

    def __str__(self) -> str:
        return f"{self.blocker} ⊘ {self.blocked}"


class AbuseReport(models.Model):
    """A contact request reported to staff as spam or abuse."""

    request = models.ForeignKey(ContactRequest, on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    reason = models.TextField(_("reason"), max_length=1000)
    created_at = models.DateTimeField(default=timezone.now)
    handled_at = models.DateTimeField(_("handled"), null=True, blank=True)

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ["handled_at", "-created_at"]

    def __str__(self) -> str:
        return f"{self.request} ({self.created_at:%Y-%m-%d})"


class Notification(models.Model):
    """An in-app notice to a person (the same event also goes out by e-mail)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    request = models.ForeignKey(ContactRequest, null=True, on_delete=models.CASCADE, related_name="notifications")
    action = models.CharField(max_length=12, choices=ContactEvent.Action.choices)
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.user} {self.action}"
