"""The competence atlas: a multilingual taxonomy, what organisations offer and need, matching
weights, and contact requests that reveal contact details only with both sides' consent.
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from borderless.organisations.models import Organisation
from borderless.quickscan.models import FollowerGroup


class CompetenceGroup(models.TextChoices):
    TECHNOLOGY = "technology", _("Digital technology")
    SERVICE = "service", _("Service or capability")
    SECTOR = "sector", _("Sector")


class Competence(models.Model):
    """One entry of the taxonomy (borderless/atlas/data/taxonomy.json); staff may add entries."""

    code = models.CharField(_("code"), max_length=60, primary_key=True)
    group = models.CharField(_("group"), max_length=12, choices=CompetenceGroup.choices)
    cluster = models.CharField(_("technology cluster"), max_length=40, blank=True)
    label_en = models.CharField(_("label (English)"), max_length=200)
    label_de = models.CharField(_("label (German)"), max_length=200)
    label_nl = models.CharField(_("label (Dutch)"), max_length=200)
    # {"en": [...], "de": [...], "nl": [...]}
    synonyms = models.JSONField(_("synonyms"), default=dict, blank=True)
    broader = models.ForeignKey(
        "self",
        verbose_name=_("broader entry"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="narrower",
    )
    # Lower-cased labels and synonyms of all languages, accents removed: what the search matches.
    search_terms = models.TextField(editable=False, blank=True)
    version = models.CharField(_("taxonomy version"), max_length=16)

    class Meta:
        verbose_name = _("competence")
        verbose_name_plural = _("competences")
        ordering = ["group", "cluster", "code"]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        lang = (get_language() or "en")[:2]
        return getattr(self, f"label_{lang}", "") or self.label_en


class Visibility(models.TextChoices):
    PUBLIC = "public", _("Public: everyone sees the profile")
    REGISTERED = "registered", _("Registered users only")
    ANONYMOUS = "anonymous", _("Anonymous: without name or contact, reachable through an intermediary")


class CooperationKind(models.TextChoices):
    TECHNOLOGY = "technology", _("Technology cooperation")
    BUSINESS = "business", _("Business or supply chain")
    RD_PROJECT = "rd_project", _("R&D project")


ANONYMOUS_PREFIX = "anon-"


def new_public_reference() -> str:
    """A random address for the profile's anonymous page: "anon-" and 16 hex digits, nothing derived from the firm."""
    return f"{ANONYMOUS_PREFIX}{secrets.token_hex(8)}"


class AtlasProfile(models.Model):
    """What an organisation offers and needs, and who may see it."""

    organisation = models.OneToOneField(
        Organisation, verbose_name=_("organisation"), on_delete=models.CASCADE, related_name="atlas_profile"
    )
    # The address of the profile while it is anonymous (the slug would give the name away) and the
    # order of anonymous results: random, so that neither says anything about the organisation.
    public_reference = models.CharField(
        _("public reference"), max_length=21, unique=True, default=new_public_reference, editable=False
    )
    offers = models.ManyToManyField(Competence, verbose_name=_("offers"), blank=True, related_name="offered_by")
    needs = models.ManyToManyField(Competence, verbose_name=_("needs"), blank=True, related_name="needed_by")
    description = models.TextField(_("description"), blank=True, help_text=_("In any language."))
    cooperation_kinds = models.JSONField(_("cooperation sought"), default=list, blank=True)
    visibility = models.CharField(_("visibility"), max_length=12, choices=Visibility.choices, default=Visibility.PUBLIC)
    # For anonymous profiles: the intermediary that receives contact requests on the firm's behalf.
    contact_intermediary = models.ForeignKey(
        Organisation,
        verbose_name=_("intermediary for contact requests"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="anonymous_clients",
    )
    show_projects = models.BooleanField(_("show our projects on the profile"), default=False)
    # A quickscan result is the firm's own: the atlas filters and shows the follower group only with consent.
    show_follower_group = models.BooleanField(
        _("let others find us by our quickscan follower group"), default=False, db_default=False
    )
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    # Facts that came with a bulk import (borderless/atlas/bulk_import.py), for organisations that have
    # no quickscan result or project record here; a quickscan result and project participation win.
    imported_follower_group = models.CharField(
        _("follower group (imported)"), max_length=16, choices=FollowerGroup.choices, blank=True
    )
    imported_cooperated = models.BooleanField(_("has cooperated in a project (imported)"), default=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True, db_index=True)

    class Meta:
        verbose_name = _("atlas profile")
        verbose_name_plural = _("atlas profiles")

    def __str__(self) -> str:
        return str(self.organisation)


class Project(models.Model):
    """A cooperation project: who worked together (also feeds the matcher's "never cooperated" boost)."""

    title = models.CharField(_("title"), max_length=200)
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    programme = models.CharField(_("programme"), max_length=120, blank=True)
    participants = models.ManyToManyField(Organisation, verbose_name=_("participants"), related_name="projects")

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        ordering = ["-year", "title"]

    def __str__(self) -> str:
        return self.title


class MatchingWeights(models.Model):
    """Staff-configurable weights of the partner score (one row)."""

    complementarity = models.FloatField(_("complementarity"), default=0.35)
    reciprocity = models.FloatField(_("reciprocity"), default=0.15)
    common_ground = models.FloatField(_("common ground"), default=0.10)
    proximity = models.FloatField(_("proximity"), default=0.20)
    maturity = models.FloatField(_("maturity fit"), default=0.10)
    novelty = models.FloatField(_("never cooperated before"), default=0.10)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("matching weights")
        verbose_name_plural = _("matching weights")

    def __str__(self) -> str:
        return str(_("Matching weights"))


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
