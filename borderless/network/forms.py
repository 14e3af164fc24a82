"""Forms of the network monitor: choosing a period and filters, a part of the network, and an import."""

from __future__ import annotations

from typing import cast

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from borderless.organisations.models import Euregio, NutsRegion, OrganisationKind, SizeClass

from .models import NetworkRun
from .selectors import OTHER_COUNTRIES, OrganisationFilters, period_param, run_periods
from .subgraph import DEFAULT_LIMIT, MAX_LIMIT

PHASE_CHOICES = [
    ("pre_cooperation", _("Pre-cooperation")),
    ("bilateral", _("Bilateral")),
    ("networked", _("Networked")),
    ("systemic", _("Systemic")),
]
ROLE_CHOICES = [
    ("coordinator", _("Coordinator")),
    ("itinerant", _("Itinerant broker")),
    ("boundary_spanner", _("Boundary spanner")),
    ("liaison", _("Liaison")),
]
ANY = [("", pgettext_lazy("filter", "All"))]


def period_choices(run: NetworkRun | None) -> list[tuple[str, str]]:
    """Programme periods first, then single years."""
    if run is None:
        return []
    return [(period_param(p), p.label) for kind in ("programme", "year") for p in run_periods(run=run, kind=kind)]


def region_choices() -> list[tuple[str, list[tuple[str, str]]]]:
    """The Euregios (by slug) and the programme area's NUTS-3 regions (by code), as two groups."""
    euregios = [(e.slug, e.name) for e in Euregio.objects.order_by("name")]
    regions = [
        (code, f"{name} ({code})")
        for code, name in NutsRegion.objects.filter(level=3, in_programme_area=True)
        .order_by("country", "name")
        .values_list("code", "name")
    ]
    return [(str(_("Euregios")), euregios), (str(_("NUTS-3 regions")), regions)]


def regions_of(value: str) -> tuple[str, ...]:
    """The NUTS-3 codes a `region` value means: a Euregio's regions, or the one region."""
    if not value:
        return ()
    if Euregio.objects.filter(slug=value).exists():
        return tuple(NutsRegion.objects.filter(level=3, euregio__slug=value).values_list("code", flat=True))
    return (value,)


class _PeriodChoice(forms.Form):
    period = forms.ChoiceField(label=_("Period"), required=False)

    def _choice(self, name: str) -> forms.ChoiceField:
        return cast(forms.ChoiceField, self.fields[name])

    def __init__(self, *args, run: NetworkRun | None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._choice("period").choices = period_choices(run)


class PeriodForm(_PeriodChoice):
    """The period of the map and the patterns."""


class MapForm(_PeriodChoice):
    measure = forms.ChoiceField(
        label=_("Shade the regions by"),
        required=False,
        choices=[
            ("phase", _("Most advanced cooperation phase")),
            ("beyond", _("Share of organisations beyond pre-cooperation")),
            ("nl_de_ties", _("NL–DE ties")),
        ],
    )


class OrganisationsForm(_PeriodChoice):
    q = forms.CharField(label=_("Name contains"), required=False, max_length=100)
    country = forms.ChoiceField(
        label=_("Country"),
        required=False,
        choices=[*ANY, ("NL", _("Netherlands")), ("DE", _("Germany")), (OTHER_COUNTRIES, _("Other country"))],
    )
    region = forms.ChoiceField(label=_("Region or Euregio"), required=False)
    kind = forms.ChoiceField(label=_("Type of organisation"), required=False, choices=[*ANY, *OrganisationKind.choices])
    size = forms.ChoiceField(label=_("Size"), required=False, choices=[*ANY, *SizeClass.choices])
    phase = forms.ChoiceField(label=_("Cooperation phase"), required=False, choices=[*ANY, *PHASE_CHOICES])
    arrival = forms.ChoiceField(
        label=_("Newcomer or returning"),
        required=False,
        choices=[
            *ANY,
            ("newcomer", _("Newcomers")),
            ("returning", _("Returning organisations")),
            ("usual_suspect", _("Usual suspects")),
        ],
    )
    role = forms.ChoiceField(label=_("Broker role"), required=False, choices=[*ANY, *ROLE_CHOICES])
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[
            ("degree", _("Partners")),
            ("betweenness", _("Betweenness")),
            ("cross_border_partners", _("Partners across the border")),
        ],
    )

    def __init__(self, *args, run: NetworkRun | None, **kwargs) -> None:
        super().__init__(*args, run=run, **kwargs)
        self._choice("region").choices = [*ANY, *region_choices()]

    def to_filters(self) -> OrganisationFilters:
        data = self.cleaned_data
        return OrganisationFilters(
            country=data.get("country") or "",
            regions=regions_of(data.get("region") or ""),
            kind=data.get("kind") or "",
            size=data.get("size") or "",
            phase=data.get("phase") or "",
            arrival=data.get("arrival") or "",
            role=data.get("role") or "",
            q=(data.get("q") or "").strip(),
            sort=data.get("sort") or "degree",
        )


class GraphForm(_PeriodChoice):
    """A part of the network to draw: an organisation's ego network, a component, or a region's."""

    scope = forms.ChoiceField(
        label=_("Show"),
        required=False,
        choices=[
            ("ego", _("An organisation and its partners")),
            ("component", _("A connected group of organisations (component)")),
            ("region", _("The organisations of a region or Euregio")),
        ],
    )
    q = forms.CharField(label=_("Find an organisation by name"), required=False, max_length=100)
    node = forms.CharField(required=False, max_length=80, widget=forms.HiddenInput)
    component = forms.IntegerField(label=_("Component number"), required=False, min_value=1)
    region = forms.ChoiceField(label=_("Region or Euregio"), required=False)
    limit = forms.IntegerField(required=False, min_value=2, max_value=MAX_LIMIT, widget=forms.HiddenInput)

    def __init__(self, *args, run: NetworkRun | None, **kwargs) -> None:
        super().__init__(*args, run=run, **kwargs)
        self._choice("region").choices = [*ANY, *region_choices()]

    def clean_limit(self) -> int:
        return self.cleaned_data.get("limit") or DEFAULT_LIMIT


class ImportForm(forms.Form):
    """CORDIS's two files, or a projects sheet; `preview` checks and counts without writing."""

    SOURCES = [("cordis", _("CORDIS (project.csv and organization.csv)")), ("sheet", _("A projects sheet"))]

    source = forms.ChoiceField(
        label=_("What do you import?"), choices=SOURCES, initial="cordis", required=False, widget=forms.RadioSelect
    )
    projects_file = forms.FileField(
        label=_("CORDIS projects file (project.csv)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )
    organisations_file = forms.FileField(
        label=_("CORDIS participants file (organization.csv)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )
    sheet_file = forms.FileField(
        label=_("Projects sheet (CSV or Excel workbook)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx,text/csv"}),
    )
    preview = forms.BooleanField(
        label=_("Preview only: check the files and count what would change, without writing anything"),
        required=False,
    )

    def __init__(self, *args, sheets: bool = False, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.sheets = sheets
        if not sheets:
            cast(forms.ChoiceField, self.fields["source"]).choices = self.SOURCES[:1]
            self.fields["source"].widget = forms.HiddenInput()
            del self.fields["sheet_file"]

    def _csv(self, name: str) -> None:
        upload = self.cleaned_data.get(name)
        if upload is None:
            self.add_error(name, _("Choose this file."))
        elif not upload.name.lower().endswith((".csv", ".txt")):
            self.add_error(name, _("Upload a CSV file (ending in .csv)."))

    def clean(self):
        data = super().clean()
        if data.get("source") == "sheet" and self.sheets:
            upload = data.get("sheet_file")
            if upload is None:
                self.add_error("sheet_file", _("Choose this file."))
            elif not upload.name.lower().endswith((".csv", ".txt", ".xlsx")):
                self.add_error("sheet_file", _("Upload a CSV file or an Excel workbook (ending in .csv or .xlsx)."))
        else:
            self._csv("projects_file")
            self._csv("organisations_file")
        return data
