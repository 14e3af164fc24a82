from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import Country, Organisation, WorkingLanguage
from .selectors import town_choices
from .services import PROFILE_FIELDS


class TownChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return f"{obj.name} ({obj.nuts3.name})"


def grouped_town_choices():
    """Towns grouped by country for a select box with <optgroup>s."""
    groups: dict[str, list[tuple[int, str]]] = {}
    for town in town_choices():
        groups.setdefault(town.country, []).append((town.pk, f"{town.name} ({town.nuts3.name})"))
    choices: list = [("", "---------")]
    for code, label in Country.choices:
        if code in groups:
            choices.append((label, groups[code]))
    return choices


class OrganisationProfileForm(forms.ModelForm):
    """The profile fields of an organisation, for sign-up and for editing."""

    working_languages = forms.MultipleChoiceField(
        label=_("Working languages"),
        choices=WorkingLanguage.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The languages in which others can contact your organisation."),
    )
    website = forms.URLField(
        label=_("Website"),
        required=False,
        max_length=200,
        assume_scheme="https",
        help_text=_("For example https://www.example.nl"),
    )
    town = TownChoiceField(
        label=_("Town"),
        queryset=None,
        help_text=_("Your region, country and Euregio follow from the town."),
        error_messages={"invalid_choice": _("Please choose a town from the list.")},
    )

    class Meta:
        model = Organisation
        fields = list(PROFILE_FIELDS)
        labels = {"name": _("Name of the organisation")}
        help_texts = {
            "listed_publicly": _(
                "Name, kind, town, region, size class, sector, founding year, website and working languages "
                "appear in the public directory and API. Nothing else is shown."
            ),
        }
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["town"].queryset = town_choices()
        self.fields["town"].choices = grouped_town_choices()
        self.fields["sector"].queryset = self.fields["sector"].queryset.order_by("code")
        # Unknown only for imported organisations: whoever fills in the profile knows the size.
        self.fields["size_class"].required = True
        if self.instance and self.instance.pk:
            self.initial["working_languages"] = self.instance.language_codes

    def clean_founded_year(self):
        year = self.cleaned_data.get("founded_year")
        this_year = timezone.localdate().year
        if year is not None and not 1500 <= year <= this_year:
            raise ValidationError(
                _("Please enter a year between %(first)s and %(last)s."),
                params={"first": 1500, "last": this_year},
                code="year_range",
            )
        return year

    def profile_data(self) -> dict:
        data = {f: self.cleaned_data[f] for f in self.Meta.fields}
        data["working_languages"] = list(self.cleaned_data["working_languages"])
        return data


class DirectoryFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    country = forms.ChoiceField(label=_("Country"), required=False)
    euregio = forms.ChoiceField(label=_("Euregio"), required=False)
    size_class = forms.ChoiceField(label=_("Size class"), required=False)
    in_programme_area = forms.ChoiceField(
        label=_("Programme area"),
        required=False,
        choices=[("", _("All")), ("yes", _("Inside the programme area")), ("no", _("Outside"))],
    )

    def __init__(self, *args, **kwargs):
        from .models import Euregio, OrganisationKind, SizeClass

        super().__init__(*args, **kwargs)
        everything = [("", _("All"))]
        self.fields["kind"].choices = everything + list(OrganisationKind.choices)
        self.fields["country"].choices = everything + list(Country.choices)
        self.fields["size_class"].choices = everything + list(SizeClass.choices)
        self.fields["euregio"].choices = everything + [(e.slug, e.name) for e in Euregio.objects.all()]

    def to_filters(self):
        from .selectors import DirectoryFilters

        data = self.cleaned_data
        area = {"yes": True, "no": False}.get(data.get("in_programme_area") or "")
        return DirectoryFilters(
            q=data.get("q") or "",
            kind=data.get("kind") or "",
            country=data.get("country") or "",
            euregio=data.get("euregio") or "",
            size_class=data.get("size_class") or "",
            in_programme_area=area,
        )
