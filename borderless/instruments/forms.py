"""The finder's filters, saving a search, and an organisation profile for the match endpoint.

The HTML finder, its exports and the API check filters with the same form, so a value refused on
one is refused on all, with the same translated message.
"""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from borderless.core.instruments import Firm
from borderless.core.quickscan.scoring import MAX_STAGE
from borderless.organisations.models import Country, NaceDivision, NutsRegion, OrganisationKind, SizeClass
from borderless.organisations.models import WorkingLanguage as Language
from borderless.quickscan.models import FollowerGroup

from . import selectors
from .matching import firm_from_profile, region_of
from .models import Kind, Level, Status
from .selectors import CROSS_BORDER_NOT_REQUIRED, CROSS_BORDER_REQUIRED, UNKNOWN_STATUS, FinderFilters

NOT_A_CHOICE = _("“%(value)s” is not one of the choices for this filter.")
ANY = ("", _("Any"))
FIRST_YEAR = 1500


def _choice(label, **kwargs) -> forms.ChoiceField:
    return forms.ChoiceField(label=label, required=False, error_messages={"invalid_choice": NOT_A_CHOICE}, **kwargs)


class FinderForm(forms.Form):
    """The finder's filters, from the query string. Every field may stay empty ("any")."""

    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    level = _choice(_("Level"))
    kind = _choice(_("Kind of support"))
    status = _choice(_("Status"))
    region = forms.CharField(label=_("Region covered"), required=False, max_length=40, widget=forms.Select)
    organisation_kind = _choice(_("For organisations of the kind"))
    size_class = _choice(_("For firms of the size"))
    cross_border = _choice(_("Partner across the border"))
    language = _choice(_("Language of the provider"))

    def __init__(self, *args, region_options: list[tuple[str, str]] | None = None, **kwargs) -> None:
        """`region_options`: the regions offered (`selectors.region_options()`), when read once for many forms."""
        super().__init__(*args, **kwargs)
        self.fields["level"].choices = [ANY, *Level.choices]
        self.fields["kind"].choices = [ANY, *Kind.choices]
        self.fields["status"].choices = [ANY, *Status.choices, (UNKNOWN_STATUS, _("Not known yet"))]
        self.fields["organisation_kind"].choices = [ANY, *OrganisationKind.choices]
        self.fields["size_class"].choices = [ANY, *SizeClass.choices]
        self.fields["cross_border"].choices = [
            ANY,
            (CROSS_BORDER_REQUIRED, _("Required")),
            (CROSS_BORDER_NOT_REQUIRED, _("Not required")),
        ]
        self.fields["language"].choices = [ANY, *Language.choices]
        regions = selectors.region_options() if region_options is None else region_options
        self.fields["region"].widget.choices = [ANY, *regions]
        self._labels = {name: dict(self._choices_of(name)) for name in selectors.FACETS}

    def clean_q(self) -> str:
        return " ".join(self.cleaned_data["q"].split())

    def clean_region(self) -> str:
        value = self.cleaned_data["region"].strip()
        if not value:
            return ""
        widget = self.fields["region"].widget
        if value in {code for code, _label in widget.choices}:
            return value
        if not selectors.region_is_known(value):
            raise ValidationError(NOT_A_CHOICE, code="invalid_choice", params={"value": value})
        # A region that is not offered (a NUTS-3 code from a link): shown as chosen.
        name = selectors.region_name(value)
        widget.choices = [*widget.choices, (value, name)]
        self._labels["region"][value] = name
        return value

    def filters(self) -> FinderFilters:
        """The checked filters; call after is_valid()."""
        return FinderFilters(**{name: self.cleaned_data.get(name) or "" for name in self.fields})

    def chosen(self) -> list[tuple[str, str]]:
        """The filters that are set, as (filter, value) in words; call after is_valid()."""
        data = self.cleaned_data if self.is_bound and not self.errors else {}
        found = []
        if data.get("q"):
            found.append((str(self.fields["q"].label), data["q"]))
        for name in selectors.FACETS:
            value = data.get(name)
            if value:
                found.append((str(self.fields[name].label), str(self._labels[name].get(value, value))))
        return found

    def facet_choices(self) -> dict[str, list[str]]:
        """The values of each facet, without "any" (what the finder counts)."""
        return {
            name: [value for value, _label in self._choices_of(name) if value]
            for name in selectors.FACETS
            if name in self.fields
        }

    def _choices_of(self, name: str) -> list:
        field = self.fields[name]
        return list(field.widget.choices if name == "region" else field.choices)

    def show_counts(self, counts: dict[str, dict[str, int]]) -> None:
        """Put the number of instruments behind each choice: "Voucher (3)"."""
        for name, by_value in counts.items():
            if name not in self.fields:
                continue
            labelled = [
                (
                    value,
                    label
                    if not value
                    else _("%(label)s (%(count)s)") % {"label": label, "count": by_value.get(value, 0)},
                )
                for value, label in self._choices_of(name)
            ]
            if name == "region":
                self.fields[name].widget.choices = labelled
            else:
                self.fields[name].choices = labelled


class SaveSearchForm(forms.Form):
    name = forms.CharField(label=_("Name of the search"), max_length=120)
    alerts = forms.BooleanField(
        label=_("Send me an e-mail about new or changed instruments and near deadlines"), required=False
    )
    organisation = forms.SlugField(required=False, max_length=220, widget=forms.HiddenInput)


def _year_now() -> int:
    return timezone.localdate().year


class MatchProfileForm(forms.Form):
    """An organisation profile sent to the match endpoint; every field may be left out (unknown)."""

    country = forms.ChoiceField(required=False, choices=[("", ""), *Country.choices])
    nuts3 = forms.CharField(required=False, max_length=5)
    kind = forms.ChoiceField(required=False, choices=[("", ""), *OrganisationKind.choices])
    size_class = forms.ChoiceField(required=False, choices=[("", ""), *SizeClass.choices])
    sector = forms.CharField(required=False, max_length=2)
    founded_year = forms.IntegerField(required=False, min_value=FIRST_YEAR)
    follower_group = forms.ChoiceField(required=False, choices=[("", ""), *FollowerGroup.choices])
    stage = forms.IntegerField(required=False, min_value=0, max_value=MAX_STAGE)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # This year is read per form, not when the module is imported.
        self.fields["founded_year"] = forms.IntegerField(required=False, min_value=FIRST_YEAR, max_value=_year_now())

    def clean_nuts3(self) -> str:
        code = self.cleaned_data["nuts3"].strip().upper()
        if code and not NutsRegion.objects.filter(code=code, level=3).exists():
            raise ValidationError(_("Unknown NUTS-3 region: %(value)s."), code="unknown_region", params={"value": code})
        return code

    def clean_sector(self) -> str:
        code = self.cleaned_data["sector"].strip()
        if code and not NaceDivision.objects.filter(code=code).exists():
            raise ValidationError(_("Unknown NACE division: %(value)s."), code="unknown_sector", params={"value": code})
        return code

    def clean(self):
        data = super().clean()
        country, nuts3 = data.get("country"), data.get("nuts3")
        if country and nuts3 and not nuts3.startswith(country):
            self.add_error(
                "nuts3",
                ValidationError(
                    _("The region %(region)s is not in the country %(country)s."),
                    code="region_country",
                    params={"region": nuts3, "country": country},
                ),
            )
        return data

    def firm(self) -> Firm:
        data = self.cleaned_data
        nuts3 = data.get("nuts3") or None
        in_programme_area, euregio = region_of(nuts3) if nuts3 else (None, None)
        return firm_from_profile(
            country=data.get("country") or (nuts3[:2] if nuts3 else None),
            nuts3=nuts3,
            in_programme_area=in_programme_area,
            euregio=euregio,
            kind=data.get("kind"),
            size_class=data.get("size_class"),
            sector=data.get("sector"),
            founded_year=data.get("founded_year"),
            follower_group=data.get("follower_group"),
            stage=data.get("stage"),
        )
