"""The catalogue in the (translated) admin: the same checks as the editor, and every change recorded."""

from __future__ import annotations

import json

from django import forms
from django.contrib import admin, messages
from django.http import HttpRequest
from django.utils.html import format_html
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from borderless.core.instruments import REGISTRY
from borderless.core.instruments import Criterion as CoreCriterion
from borderless.i18n.translation import translate

from . import services
from .models import Call, Criterion, Instrument, InstrumentChange, SavedSearch


class InstrumentAdminForm(forms.ModelForm):
    website = forms.URLField(label=_("website"), max_length=500, required=False, assume_scheme="https")

    class Meta:
        model = Instrument
        fields = [
            "identifier",
            "name_en",
            "name_de",
            "name_nl",
            "description_en",
            "description_de",
            "description_nl",
            "provider",
            "provider_name",
            "provider_country",
            "contact_points",
            "languages",
            "level",
            "kind",
            "status",
            "spatial",
            "min_amount",
            "max_amount",
            "rate_percent",
            "currency",
            "website",
            "source",
            "next_instruments",
        ]

    def clean(self):
        cleaned = super().clean()
        existing = self.instance if self.instance.pk else None
        data = {name: value for name, value in cleaned.items() if name in services.DATA_FIELDS}
        data.pop("verified_at", None)
        data.pop("verified_by", None)
        if "contact_points" in data:
            data["contact_points"] = list(data["contact_points"])
        for name, found in services.instrument_field_errors(data=data, instrument=existing).items():
            for message in found:
                self.add_error(name if name in self.fields else None, message)
        if existing is not None and existing in (cleaned.get("next_instruments") or ()):
            self.add_error("next_instruments", _("An instrument cannot lead to itself."))
        return self.cleaned_data


class CriterionForm(forms.ModelForm):
    type = forms.ChoiceField(label=_("type"))

    class Meta:
        model = Criterion
        fields = ["position", "type", "params"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        lang = get_language()
        self.fields["type"].choices = [(ctype.key, translate(ctype.title, lang)) for ctype in REGISTRY]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("type") and "params" not in self.errors:
            criterion = CoreCriterion(type=cleaned["type"], params=cleaned.get("params") or {})
            for message in services.criterion_errors(criterion):
                self.add_error("params", message)
        return cleaned


class CallForm(forms.ModelForm):
    class Meta:
        model = Call
        fields = ["title", "opens_on", "closes_on"]

    def clean(self):
        cleaned = super().clean()
        opens, closes = cleaned.get("opens_on"), cleaned.get("closes_on")
        if opens and closes and closes < opens:
            self.add_error("closes_on", _("The call cannot close before it opens."))
        return cleaned


class CallInline(admin.TabularInline):
    model = Call
    form = CallForm
    extra = 0


class CriterionInline(admin.TabularInline):
    model = Criterion
    form = CriterionForm
    extra = 0


@admin.register(Instrument)
class InstrumentAdmin(TranslationAdmin):
    """Name and description in the three languages one below the other; the list and its order by the
    name in the reader's language, the search in every language."""

    form = InstrumentAdminForm
    list_display = ["identifier", "name", "level", "kind", "status", "verified_at", "verified_by"]
    list_filter = ["level", "kind", "status"]
    search_fields = ["identifier", "name_en", "name_de", "name_nl"]
    list_select_related = ["verified_by"]
    autocomplete_fields = ["provider", "contact_points"]
    filter_horizontal = ["next_instruments"]
    readonly_fields = ["verified_at", "verified_by", "created_at", "updated_at"]
    inlines = [CallInline, CriterionInline]
    actions = ["mark_verified"]

    def get_readonly_fields(self, request: HttpRequest, obj=None):
        # The identifier links the exchange files and the history: fixed once created.
        return [*self.readonly_fields, "identifier"] if obj is not None else self.readonly_fields

    def save_model(self, request: HttpRequest, obj: Instrument, form, change: bool) -> None:
        # Kept on the instance, not on this admin, which all requests share.
        obj._history_before = services.instrument_snapshot_for(obj) if change else None
        super().save_model(request, obj, form, change)

    def save_related(self, request: HttpRequest, form, formsets, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        services.instrument_record_admin_change(
            instrument=form.instance, before=getattr(form.instance, "_history_before", None), user=request.user
        )

    def delete_model(self, request: HttpRequest, obj: Instrument) -> None:
        services.instrument_delete(instrument=obj, user=request.user)

    def delete_queryset(self, request: HttpRequest, queryset) -> None:
        for instrument in queryset:
            services.instrument_delete(instrument=instrument, user=request.user)

    @admin.action(description=_("Mark as verified today"))
    def mark_verified(self, request: HttpRequest, queryset) -> None:
        for instrument in queryset:
            services.instrument_verify(instrument=instrument, user=request.user)
        count = queryset.count()
        self.message_user(
            request,
            ngettext("%(count)d instrument marked as verified.", "%(count)d instruments marked as verified.", count)
            % {"count": count},
            messages.SUCCESS,
        )


@admin.register(InstrumentChange)
class InstrumentChangeAdmin(admin.ModelAdmin):
    """The history is a record: staff read it, nobody edits it."""

    list_display = ["identifier", "action", "changed_by", "changed_at"]
    list_filter = ["action"]
    search_fields = ["identifier", "changed_by__email"]
    list_select_related = ["changed_by"]
    date_hierarchy = "changed_at"
    exclude = ["changes"]
    readonly_fields = ["instrument", "identifier", "action", "changed_by", "changed_at", "changes_display"]

    @admin.display(description=_("changes"))
    def changes_display(self, obj: InstrumentChange) -> str:
        return format_html("<pre>{}</pre>", json.dumps(obj.changes, indent=2, ensure_ascii=False, sort_keys=True))

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


@admin.register(SavedSearch)
class SavedSearchAdmin(admin.ModelAdmin):
    list_display = ["name", "user", "alerts", "created_at", "last_sent_at"]
    list_filter = ["alerts"]
    search_fields = ["name", "user__email"]
    list_select_related = ["user"]
    raw_id_fields = ["user"]
    readonly_fields = ["created_at", "last_sent_at", "last_seen"]
