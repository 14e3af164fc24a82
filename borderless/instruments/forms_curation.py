"""The curators' forms: an instrument with its calls and criteria, and the catalogue import.

The forms only read and shape what was typed; whether it makes sense (a minimum above a maximum,
a call closing before it opens, an unknown region) is decided by `services`, whose messages the
view puts back on the fields and rows they concern.
"""

from __future__ import annotations

import json
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.text import capfirst
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from borderless.core.i18n import LANGUAGES
from borderless.core.instruments import REGISTRY, Criterion
from borderless.i18n.translation import translate
from borderless.organisations.models import Organisation, OrganisationKind, WorkingLanguage

from .models import Instrument, Kind, Level, Status
from .services import PROVIDER_COUNTRIES, CallInput

MAX_ROWS = 40
MAX_UPLOAD_BYTES = 5 * 1024 * 1024
COUNTRY_LABELS = {"NL": _("Netherlands"), "DE": _("Germany"), "EU": _("European Union")}
LANGUAGE_LABELS = {"en": _("English"), "de": _("German"), "nl": _("Dutch")}


def _organisations():
    # Providers and contact points are public bodies, hubs, chambers, labs: not the firms themselves.
    return Organisation.objects.exclude(kind=OrganisationKind.COMPANY).select_related("town").order_by("name")


class InstrumentForm(forms.Form):
    identifier = forms.SlugField(
        label=_("identifier"),
        max_length=120,
        help_text=_(
            "Lower-case letters, digits and hyphens, for example nrw-mid-analyse. It appears in addresses "
            "and in the exchange file and cannot be changed later."
        ),
    )
    level = forms.ChoiceField(label=_("level"), choices=Level.choices)
    kind = forms.ChoiceField(label=_("kind"), choices=Kind.choices)
    status = forms.ChoiceField(label=_("status"), required=False)
    provider = forms.ModelChoiceField(
        label=_("provider on the platform"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=_("Not on the platform"),
    )
    provider_name = forms.CharField(
        label=_("provider"),
        max_length=200,
        required=False,
        help_text=_("The name shown to readers; filled in from the organisation when left empty."),
    )
    provider_country = forms.ChoiceField(label=_("provider's country"), required=False)
    contact_points = forms.ModelMultipleChoiceField(
        label=_("contact points"),
        queryset=Organisation.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
        help_text=_("Where a firm goes for this instrument (hubs, chambers, Euregios). Select several with Ctrl."),
    )
    languages = forms.MultipleChoiceField(
        label=_("languages of the provider"),
        choices=WorkingLanguage.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    spatial = forms.CharField(
        label=_("area covered (NUTS codes)"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("NUTS 2021 codes of any level, separated by spaces, for example NL21 DEA3."),
    )
    min_amount = forms.DecimalField(label=_("smallest amount"), required=False, max_digits=14, decimal_places=2)
    max_amount = forms.DecimalField(label=_("largest amount"), required=False, max_digits=14, decimal_places=2)
    rate_percent = forms.DecimalField(label=_("funding rate (%)"), required=False, max_digits=5, decimal_places=2)
    currency = forms.CharField(label=_("currency"), required=False, max_length=3, help_text=_("For example EUR."))
    website = forms.URLField(label=_("website"), required=False, max_length=500, assume_scheme="https")
    source = forms.CharField(
        label=_("source"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Where the facts of this entry were taken from."),
    )
    next_instruments = forms.ModelMultipleChoiceField(
        label=_("natural next instruments"),
        queryset=Instrument.objects.none(),
        to_field_name="identifier",
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
        help_text=_("What a firm typically goes on to after this instrument. Select several with Ctrl."),
    )

    def __init__(self, *args, instrument: Instrument | None = None, **kwargs) -> None:
        if instrument is not None and "initial" not in kwargs:
            kwargs["initial"] = initial_from(instrument)
        super().__init__(*args, **kwargs)
        self.instrument = instrument
        # Name and description in each language, right after the identifier.
        texts: dict[str, forms.Field] = {}
        for lang in LANGUAGES:
            texts[f"name_{lang}"] = forms.CharField(
                label=Instrument._meta.get_field(f"name_{lang}").verbose_name, max_length=250
            )
        for lang in LANGUAGES:
            texts[f"description_{lang}"] = forms.CharField(
                label=Instrument._meta.get_field(f"description_{lang}").verbose_name,
                widget=forms.Textarea(attrs={"rows": 4, "lang": lang}),
            )
            texts[f"name_{lang}"].widget.attrs["lang"] = lang
        fields = list(self.fields.items())
        self.fields = dict([fields[0], *texts.items(), *fields[1:]])
        if instrument is not None:
            del self.fields["identifier"]  # fixed once created
        self.fields["status"].choices = [("", _("Not known yet")), *Status.choices]
        self.fields["provider_country"].choices = [("", _("Not known yet"))] + [
            (code, COUNTRY_LABELS[code]) for code in PROVIDER_COUNTRIES
        ]
        self.fields["provider"].queryset = _organisations()
        self.fields["contact_points"].queryset = _organisations()
        others = Instrument.objects.order_by("name", "identifier")  # by the name in the reader's language
        if instrument is not None:
            others = others.exclude(pk=instrument.pk)
        self.fields["next_instruments"].queryset = others
        for field in self.fields.values():
            field.label = capfirst(field.label)

    def clean_spatial(self) -> list[str]:
        return self.cleaned_data["spatial"].replace(",", " ").split()

    def instrument_data(self) -> dict[str, Any]:
        """The fields for `services.instrument_create` / `instrument_update`."""
        data = {name: value for name, value in self.cleaned_data.items() if name != "next_instruments"}
        data["contact_points"] = list(data["contact_points"])
        return data

    def next_identifiers(self) -> list[str]:
        return [i.identifier for i in self.cleaned_data["next_instruments"]]


def initial_from(instrument: Instrument) -> dict[str, Any]:
    initial = {
        name: getattr(instrument, name)
        for name in (
            *(f"{n}_{lang}" for n in ("name", "description") for lang in LANGUAGES),
            "level",
            "kind",
            "status",
            "provider_name",
            "provider_country",
            "languages",
            "min_amount",
            "max_amount",
            "rate_percent",
            "currency",
            "website",
            "source",
        )
    }
    initial["provider"] = instrument.provider_id
    initial["spatial"] = " ".join(instrument.spatial)
    initial["contact_points"] = [o.pk for o in instrument.contact_points.all()]
    initial["next_instruments"] = [i.identifier for i in instrument.next_instruments.all()]
    return initial


class CriterionRowForm(forms.Form):
    """One criterion: its type from the core's registry and its settings as a JSON object."""

    type = forms.ChoiceField(label=_("Kind of criterion"), required=False)
    params = forms.CharField(
        label=_("Settings (JSON)"),
        required=False,
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 2, "spellcheck": "false"}),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        lang = get_language()
        self.fields["type"].choices = [("", "—")] + [(ctype.key, translate(ctype.title, lang)) for ctype in REGISTRY]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        text = (cleaned.get("params") or "").strip()
        if not cleaned.get("type"):
            if text and "type" not in self.errors:
                self.add_error("type", _("Choose the kind of criterion."))
            return cleaned
        try:
            params = json.loads(text) if text else {}
        except json.JSONDecodeError as error:
            self.add_error("params", _("Not valid JSON: %(error)s.") % {"error": error.msg})
            return cleaned
        if not isinstance(params, dict):
            self.add_error("params", _('Write the settings as a JSON object, for example {"countries": ["NL"]}.'))
            return cleaned
        cleaned["criterion"] = Criterion(type=cleaned["type"], params=params)
        return cleaned


class CallRowForm(forms.Form):
    title = forms.CharField(label=_("title"), max_length=200, required=False)
    opens_on = forms.DateField(
        label=_("opens"), required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    closes_on = forms.DateField(
        label=_("closes"), required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.label = capfirst(field.label)  # the model's lower-case names, as labels

    def is_blank(self) -> bool:
        data = getattr(self, "cleaned_data", {})
        return not (data.get("title") or data.get("opens_on") or data.get("closes_on"))


class _Rows(forms.BaseFormSet):
    """Rows that are filled in and not marked for deletion, with the position of their form."""

    def kept(self) -> list[tuple[int, forms.Form]]:
        rows = []
        for index, form in enumerate(self.forms):
            if not form.has_changed() and not form.initial:
                continue
            if self.can_delete and self._should_delete_form(form):
                continue
            rows.append((index, form))
        return rows


class CriterionRows(_Rows):
    def criteria(self) -> list[tuple[int, Criterion]]:
        return [
            (index, form.cleaned_data["criterion"]) for index, form in self.kept() if "criterion" in form.cleaned_data
        ]


class CallRows(_Rows):
    def calls(self) -> list[tuple[int, CallInput]]:
        return [
            (
                index,
                CallInput(form.cleaned_data["title"], form.cleaned_data["opens_on"], form.cleaned_data["closes_on"]),
            )
            for index, form in self.kept()
            if not form.is_blank()
        ]


CriterionFormSet = forms.formset_factory(
    CriterionRowForm, formset=CriterionRows, extra=2, can_delete=True, max_num=MAX_ROWS, validate_max=True
)
CallFormSet = forms.formset_factory(
    CallRowForm, formset=CallRows, extra=1, can_delete=True, max_num=MAX_ROWS, validate_max=True
)


def criteria_initial(instrument: Instrument | None) -> list[dict[str, str]]:
    if instrument is None:
        return []
    return [
        {"type": c.type, "params": json.dumps(c.params, ensure_ascii=False) if c.params else ""}
        for c in instrument.criteria.all()
    ]


def calls_initial(instrument: Instrument | None) -> list[dict[str, Any]]:
    if instrument is None:
        return []
    return [{"title": c.title, "opens_on": c.opens_on, "closes_on": c.closes_on} for c in instrument.calls.all()]


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Catalogue file"),
        help_text=_("JSON in the exchange format, or CSV with a header row (UTF-8). At most 5 MB."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise ValidationError(_("The file is larger than 5 MB."))
        return upload
