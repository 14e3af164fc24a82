"""The atlas in the (translated) admin: taxonomy entries (staff may add some), profiles and projects."""

from __future__ import annotations

import re

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from borderless.core.i18n import LANGUAGES

from .models import AtlasProfile, Competence, CompetenceGroup
from .taxonomy import competence_search_terms_refresh

STAFF_VERSION = "staff"
CODE_PATTERN = re.compile(r"^(tech|svc)\.[a-z0-9_]+$|^nace\.[0-9]{2}$")


class CompetenceAdminForm(forms.ModelForm):
    class Meta:
        model = Competence
        fields = ["code", "group", "cluster", "label_en", "label_de", "label_nl", "synonyms", "broader"]
        help_texts = {
            "code": _('"tech.<key>", "svc.<key>" or "nace.<division>"; lower case; never renamed or reused.'),
            "synonyms": _(
                'Search terms per language, e.g. {"en": ["sensors"], "de": ["Sensoren"], "nl": ["sensoren"]}.'
            ),
        }

    def clean_code(self):
        code = self.cleaned_data["code"].strip()
        if not CODE_PATTERN.match(code):
            raise forms.ValidationError(_('Use "tech.<key>", "svc.<key>" or "nace.<division>", in lower case.'))
        return code

    def clean_synonyms(self):
        synonyms = self.cleaned_data.get("synonyms") or {}
        if not isinstance(synonyms, dict) or any(
            lang not in LANGUAGES or not isinstance(terms, list) or not all(isinstance(t, str) for t in terms)
            for lang, terms in synonyms.items()
        ):
            raise forms.ValidationError(
                _('Give a list of words per language: {"en": [...], "de": [...], "nl": [...]}.')
            )
        return synonyms

    def clean(self):
        data = super().clean()
        group, cluster = data.get("group"), data.get("cluster")
        if group == CompetenceGroup.TECHNOLOGY and not cluster:
            self.add_error("cluster", _("A technology belongs to one of the six technology clusters."))
        if group and group != CompetenceGroup.TECHNOLOGY and cluster:
            self.add_error("cluster", _("Only technologies belong to a cluster."))
        return data


@admin.register(Competence)
class CompetenceAdmin(TranslationAdmin):
    """The label in the three languages one below the other; the list and its order in the reader's language."""

    form = CompetenceAdminForm
    list_display = ["code", "label", "group", "cluster", "version"]
    list_filter = ["group", "cluster", "version"]
    search_fields = ["code", "label_en", "label_de", "label_nl", "search_terms"]
    readonly_fields = ["version", "search_terms"]
    actions = None  # no bulk deletion of taxonomy entries

    def get_readonly_fields(self, request, obj=None):
        # A released code is never renamed: profiles and the matching index refer to it.
        return [*self.readonly_fields, "code"] if obj is not None else self.readonly_fields

    def save_model(self, request, obj, form, change):
        if not change:
            obj.version = STAFF_VERSION
        competence_search_terms_refresh(obj)
        super().save_model(request, obj, form, change)

    def has_delete_permission(self, request, obj=None):
        # Only an entry staff added, and only while no profile uses it.
        if obj is None:
            return super().has_delete_permission(request)
        return (
            super().has_delete_permission(request, obj)
            and obj.version == STAFF_VERSION
            and not obj.offered_by.exists()
            and not obj.needed_by.exists()
            and not obj.narrower.exists()
        )


@admin.register(AtlasProfile)
class AtlasProfileAdmin(admin.ModelAdmin):
    list_display = ["organisation", "visibility", "contact_intermediary", "updated_at"]
    list_filter = ["visibility", "organisation__kind"]
    search_fields = ["organisation__name", "description"]
    autocomplete_fields = ["organisation", "contact_intermediary"]
    filter_horizontal = ["offers", "needs"]
