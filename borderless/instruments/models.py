"""The catalogue of support instruments: instruments, their calls, eligibility criteria and history.

Names and descriptions are translated content fields (translation.py: `name_en`, `name_de`, `name_nl`);
eligibility criteria are typed records (`type` + JSON `params`) interpreted by the criterion
registry of the pure core (`borderless.core.instruments`), so a new criterion type needs no
migration. The field names of the exchange format follow CPSV-AP (see `importexport.py`).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from borderless.core.i18n import Content
from borderless.organisations.models import Organisation

# An entry not verified for longer than this is listed for the curators to check again.
STALE_AFTER_DAYS = 180


class Level(models.TextChoices):
    EU = "eu", _("European Union")
    NATIONAL = "national", _("National")
    LAND_PROVINCE = "land_province", _("Land or province")
    EUREGIO = "euregio", _("Euregio")
    INTERREG = "interreg", _("Interreg programme")
    LOCAL = "local", _("Local or regional")


class Kind(models.TextChoices):
    GRANT = "grant", _("Grant")
    VOUCHER = "voucher", _("Voucher")
    LOAN_GUARANTEE = "loan_guarantee", _("Loan or guarantee")
    ADVICE = "advice", _("Advice or coaching")
    TRAINING = "training", _("Workshop or training")
    FIELD_LAB = "field_lab", _("Field lab or shared facility")
    NETWORK_HUB = "network_hub", _("Network, hub or EDIH")
    FEASIBILITY_STUDY = "feasibility_study", _("Feasibility study")
    RD_PROJECT = "rd_project", _("R&D or development project")
    INVESTMENT_FUND = "investment_fund", _("Investment fund")


class Status(models.TextChoices):
    OPEN = "open", _("Open")
    FORTHCOMING = "forthcoming", _("Forthcoming")
    CLOSED = "closed", _("Closed")
    BUDGET_EXHAUSTED = "budget_exhausted", _("Budget exhausted")


class InstrumentQuerySet(models.QuerySet):
    def stale(self, *, now=None):
        """Entries never verified, or verified longer than STALE_AFTER_DAYS ago."""
        limit = (now or timezone.now()) - timezone.timedelta(days=STALE_AFTER_DAYS)
        return self.filter(models.Q(verified_at__isnull=True) | models.Q(verified_at__lt=limit))


class Instrument(models.Model):
    identifier = models.SlugField(_("identifier"), max_length=120, unique=True)
    # Translated (translation.py): name_en … description_nl; `name` and `description` read the active language.
    name = models.CharField(_("name"), max_length=250)
    description = models.TextField(_("description"))

    # The body responsible for the instrument (CPSV-AP: hasCompetentAuthority).
    provider = models.ForeignKey(
        Organisation,
        verbose_name=_("provider on the platform"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="instruments_provided",
    )
    provider_name = models.CharField(_("provider"), max_length=200, blank=True)
    provider_country = models.CharField(_("provider's country"), max_length=2, blank=True, help_text=_("NL, DE or EU"))
    # Where a firm actually goes (hubs, chambers, Euregios): contact points on the platform.
    contact_points = models.ManyToManyField(
        Organisation, verbose_name=_("contact points"), blank=True, related_name="instruments_contact"
    )
    languages = models.JSONField(_("languages of the provider"), default=list, blank=True)

    level = models.CharField(_("level"), max_length=16, choices=Level.choices)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, blank=True, help_text=_("Empty: not known yet.")
    )
    spatial = models.JSONField(_("area covered (NUTS codes)"), default=list, blank=True)

    min_amount = models.DecimalField(_("smallest amount"), max_digits=14, decimal_places=2, null=True, blank=True)
    max_amount = models.DecimalField(_("largest amount"), max_digits=14, decimal_places=2, null=True, blank=True)
    rate_percent = models.DecimalField(_("funding rate (%)"), max_digits=5, decimal_places=2, null=True, blank=True)
    currency = models.CharField(_("currency"), max_length=3, blank=True)

    website = models.URLField(_("website"), max_length=500, blank=True)
    source = models.TextField(_("source"), help_text=_("Where the facts of this entry were taken from."))
    verified_at = models.DateTimeField(_("last verified"), null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("verified by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    next_instruments = models.ManyToManyField(
        "self", verbose_name=_("natural next instruments"), symmetrical=False, blank=True, related_name="previous"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = InstrumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("instrument")
        verbose_name_plural = _("instruments")
        ordering = ["name"]  # in the reader's language

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("instruments:detail", kwargs={"identifier": self.identifier})

    @property
    def name_text(self) -> Content:
        return Content(self.name_en, self.name_de, self.name_nl)

    @property
    def is_verified(self) -> bool:
        return self.verified_at is not None


class Call(models.Model):
    """One round of applications of an instrument."""

    instrument = models.ForeignKey(
        Instrument, verbose_name=_("instrument"), on_delete=models.CASCADE, related_name="calls"
    )
    title = models.CharField(_("title"), max_length=200, blank=True)
    opens_on = models.DateField(_("opens"), null=True, blank=True)
    closes_on = models.DateField(_("closes"), null=True, blank=True)

    class Meta:
        verbose_name = _("call")
        verbose_name_plural = _("calls")
        ordering = ["closes_on", "opens_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(opens_on__isnull=True)
                | models.Q(closes_on__isnull=True)
                | models.Q(closes_on__gte=models.F("opens_on")),
                name="call_closes_after_it_opens",
            )
        ]

    def __str__(self) -> str:
        return self.title or f"{self.opens_on or '…'} – {self.closes_on or '…'}"


class Criterion(models.Model):
    """One eligibility condition: a criterion type of the core registry and its parameters."""

    instrument = models.ForeignKey(
        Instrument, verbose_name=_("instrument"), on_delete=models.CASCADE, related_name="criteria"
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    type = models.CharField(_("type"), max_length=40)
    params = models.JSONField(_("parameters"), default=dict, blank=True)

    class Meta:
        verbose_name = _("eligibility criterion")
        verbose_name_plural = _("eligibility criteria")
        ordering = ["instrument", "position", "pk"]

    def __str__(self) -> str:
        return self.type


class InstrumentChange(models.Model):
    """Who changed what in the catalogue, and when; kept when the instrument is deleted."""

    class Action(models.TextChoices):
        CREATED = "created", _("created")
        UPDATED = "updated", _("updated")
        VERIFIED = "verified", _("verified")
        IMPORTED = "imported", _("imported")
        DELETED = "deleted", _("deleted")

    instrument = models.ForeignKey(
        Instrument, verbose_name=_("instrument"), null=True, on_delete=models.SET_NULL, related_name="changes"
    )
    identifier = models.CharField(_("identifier"), max_length=120)
    action = models.CharField(_("action"), max_length=12, choices=Action.choices)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("changed by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    changed_at = models.DateTimeField(_("changed"), default=timezone.now, db_index=True)
    # field name -> [old value, new value], as JSON values
    changes = models.JSONField(_("changes"), default=dict, blank=True)

    class Meta:
        verbose_name = _("catalogue change")
        verbose_name_plural = _("catalogue changes")
        ordering = ["-changed_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.identifier} {self.action} {self.changed_at:%Y-%m-%d}"


class SavedSearch(models.Model):
    """A finder filter a person saved, with the state of the last e-mail digest sent for it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("person"), on_delete=models.CASCADE, related_name="saved_searches"
    )
    name = models.CharField(_("name"), max_length=120)
    query = models.JSONField(_("filter"), default=dict, blank=True)
    alerts = models.BooleanField(_("send e-mail alerts"), default=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    last_sent_at = models.DateTimeField(_("last digest sent"), null=True, blank=True)
    # identifier -> updated_at (ISO) of the instruments the last digest knew about
    last_seen = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = _("saved search")
        verbose_name_plural = _("saved searches")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.name
