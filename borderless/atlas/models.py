"""The competence atlas: a multilingual taxonomy, what organisations offer and need and who may see it,
and the projects organisations took part in.
"""

from __future__ import annotations

import secrets

from django.db import models
from django.utils.translation import gettext_lazy as _
from phonenumber_field.modelfields import PhoneNumberField

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
    # Translated (translation.py): label_en, label_de, label_nl; `label` reads the active language.
    label = models.CharField(_("label"), max_length=200)
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
    # E.164 ("+31531234567"); a number the conversion to E.164 could not read is kept as it was typed.
    contact_phone = PhoneNumberField(_("contact phone"), blank=True)
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
