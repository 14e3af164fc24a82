"""Forms of the atlas: the search and the profile editor."""

from __future__ import annotations

from dataclasses import dataclass

from django import forms
from django.utils.translation import gettext_lazy as _
from phonenumber_field.formfields import PhoneNumberField

from borderless.core.quickscan.texts_more import CLUSTERS
from borderless.i18n.translation import language, translate
from borderless.organisations.models import Country, Euregio, NutsRegion, OrganisationKind, SizeClass
from borderless.quickscan.models import FollowerGroup

from .bulk_import import DEFAULT_PREFIX, prefix_check
from .models import AtlasProfile, Competence, CompetenceGroup, CooperationKind, Visibility
from .search import AtlasFilters, Direction
from .services import intermediary_choices
from .taxonomy import fold

EVERYTHING = ("", _("All"))


def competence_groups(competences=None) -> list[tuple[str, list[tuple[str, str]]]]:
    """The taxonomy as (heading, [(code, label)]) in the viewer's language: technologies by cluster,
    then services, then sectors."""
    lang = language()
    if competences is None:
        competences = Competence.objects.all()
    by_heading: dict[str, list[tuple[str, str]]] = {}
    headings: list[str] = []
    cluster_order = list(CLUSTERS)

    def key(c: Competence):
        group_rank = CompetenceGroup.values.index(c.group) if c.group in CompetenceGroup.values else 9
        cluster_rank = cluster_order.index(c.cluster) if c.cluster in cluster_order else len(cluster_order)
        return (group_rank, cluster_rank, c.code if c.group == CompetenceGroup.SECTOR else fold(c.label))

    for c in sorted(competences, key=key):
        if c.group == CompetenceGroup.TECHNOLOGY:
            cluster = CLUSTERS.get(c.cluster)
            heading = (
                str(_("Technologies: %(cluster)s") % {"cluster": translate(cluster[0], lang)})
                if cluster
                else str(_("Other technologies"))
            )
        elif c.group == CompetenceGroup.SERVICE:
            heading = str(_("Services and capabilities"))
        else:
            heading = str(_("Sectors (NACE divisions)"))
        if heading not in by_heading:
            by_heading[heading] = []
            headings.append(heading)
        label = f"{c.code.removeprefix('nace.')} {c.label}" if c.group == CompetenceGroup.SECTOR else c.label
        by_heading[heading].append((c.code, label))
    return [(h, by_heading[h]) for h in headings]


class RegionChoiceField(forms.ChoiceField):
    """Offers the programme area's regions, accepts any NUTS code of Germany or the Netherlands."""

    def valid_value(self, value) -> bool:
        return super().valid_value(value) or NutsRegion.objects.filter(code=value).exists()


def region_choices() -> list[tuple[str, str]]:
    regions = NutsRegion.objects.filter(level=3, in_programme_area=True).select_related(
        "parent", "parent__parent", "parent__parent__parent"
    )
    wanted: dict[str, NutsRegion] = {}
    for region in regions:
        node = region
        while node is not None:
            wanted[node.code] = node
            node = node.parent
    wanted.update({r.code: r for r in NutsRegion.objects.filter(level=0)})
    return [(code, f"{'· ' * wanted[code].level}{wanted[code].name} ({code})") for code in sorted(wanted)]


class AtlasSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=200,
        help_text=_("A competence in German, Dutch or English, an organisation's name or a word of its description."),
    )
    competence = forms.ChoiceField(label=_("Competence"), required=False)
    direction = forms.ChoiceField(
        label=_("Competence is"),
        required=False,
        choices=[
            (Direction.EITHER, _("offered or needed")),
            (Direction.OFFERED, _("offered")),
            (Direction.NEEDED, _("needed")),
        ],
    )
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    country = forms.ChoiceField(label=_("Country"), required=False)
    region = RegionChoiceField(label=_("Region"), required=False)
    euregio = forms.ChoiceField(label=_("Euregio"), required=False)
    size_class = forms.ChoiceField(label=_("Size class"), required=False)
    follower_group = forms.ChoiceField(
        label=_("Follower group"),
        required=False,
        help_text=_("From the organisation's latest quickscan; organisations without one are left out."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["competence"].choices = [EVERYTHING, *competence_groups()]
        self.fields["kind"].choices = [EVERYTHING, *OrganisationKind.choices]
        self.fields["country"].choices = [EVERYTHING, *Country.choices]
        self.fields["region"].choices = [EVERYTHING, *region_choices()]
        self.fields["euregio"].choices = [EVERYTHING, *((e.slug, e.name) for e in Euregio.objects.all())]
        self.fields["size_class"].choices = [EVERYTHING, *SizeClass.choices]
        self.fields["follower_group"].choices = [EVERYTHING, *FollowerGroup.choices]

    def to_filters(self) -> AtlasFilters:
        data = self.cleaned_data
        return AtlasFilters(
            q=data.get("q") or "",
            competence=data.get("competence") or "",
            direction=data.get("direction") or Direction.EITHER,
            kind=data.get("kind") or "",
            country=data.get("country") or "",
            region=data.get("region") or "",
            euregio=data.get("euregio") or "",
            size_class=data.get("size_class") or "",
            follower_group=data.get("follower_group") or "",
        )


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    checked: bool
    id: str


@dataclass(frozen=True)
class OptionGroup:
    legend: str
    options: list[Option]

    @property
    def any_checked(self) -> bool:
        return any(o.checked for o in self.options)


class IntermediaryChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return f"{obj.name} ({obj.place_name})"


class AtlasProfileForm(forms.Form):
    offers = forms.MultipleChoiceField(label=_("What we offer"), required=False)
    needs = forms.MultipleChoiceField(label=_("What we need"), required=False)
    description = forms.CharField(
        label=_("Description"),
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("In any language: what you do, what you look for, what a partner gains."),
    )
    cooperation_kinds = forms.MultipleChoiceField(
        label=_("Cooperation sought"),
        required=False,
        choices=CooperationKind.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    visibility = forms.ChoiceField(
        label=_("Who may see the profile"),
        choices=Visibility.choices,
        widget=forms.RadioSelect,
        help_text=_(
            "Public: everyone, also without an account, sees the profile with your name, town and website. "
            "Registered users only: the same, but only for people signed in to Borderless. "
            "Anonymous: everyone sees your competences, and your kind of organisation, region, size and sector "
            "only as precisely as at least five organisations on the platform share them, but not your name, "
            "town, website or contact details; your organisation is also taken out of the public directory. "
            "The description is shown as you write it: leave out what would tell who you are. "
            "Contact requests go to the intermediary you choose below, who passes them on. Your contact "
            "details are never on the profile page: they are revealed only when you accept a contact request."
        ),
    )
    contact_intermediary = IntermediaryChoiceField(
        label=_("Intermediary for contact requests"),
        queryset=None,
        required=False,
        help_text=_("Required for an anonymous profile: the intermediary or hub that receives requests for you."),
        error_messages={"invalid_choice": _("Please choose an intermediary from the list.")},
    )
    show_projects = forms.BooleanField(label=_("Show our projects on the profile"), required=False)
    show_follower_group = forms.BooleanField(
        label=_("Let others find us by our follower group"),
        required=False,
        help_text=_("The group (Frontrunner, Fast Follower, Late Follower) comes from your latest quickscan."),
    )
    contact_email = forms.EmailField(
        label=_("Contact e-mail"),
        required=False,
        help_text=_("Shown only to organisations whose contact request you accepted."),
    )
    contact_phone = PhoneNumberField(
        label=_("Contact phone"),
        required=False,
        help_text=_("Shown only to organisations whose contact request you accepted."),
    )

    def __init__(self, *args, profile: AtlasProfile | None = None, region: str = "", **kwargs):
        if profile is not None and "initial" not in kwargs:
            kwargs["initial"] = {
                "offers": [c.code for c in profile.offers.all()],
                "needs": [c.code for c in profile.needs.all()],
                "description": profile.description,
                "cooperation_kinds": profile.cooperation_kinds,
                "visibility": profile.visibility,
                "contact_intermediary": profile.contact_intermediary_id,
                "show_projects": profile.show_projects,
                "show_follower_group": profile.show_follower_group,
                "contact_email": profile.contact_email,
                "contact_phone": profile.contact_phone,
            }
        kwargs.setdefault("initial", {}).setdefault("visibility", Visibility.PUBLIC)
        super().__init__(*args, **kwargs)
        self.groups = competence_groups()
        flat = [choice for _heading, choices in self.groups for choice in choices]
        self.fields["offers"].choices = flat
        self.fields["needs"].choices = flat
        self.fields["offers"].error_messages["invalid_choice"] = _("Please choose competences from the list.")
        self.fields["needs"].error_messages["invalid_choice"] = _("Please choose competences from the list.")
        self.fields["contact_intermediary"].queryset = intermediary_choices()
        if region:
            # A number without +31/+49 is read as one of the organisation's own country, and shown so.
            self.fields["contact_phone"] = PhoneNumberField(
                label=self.fields["contact_phone"].label,
                required=False,
                region=region,
                help_text=self.fields["contact_phone"].help_text,
            )

    def clean(self):
        data = super().clean()
        if data.get("visibility") == Visibility.ANONYMOUS and not data.get("contact_intermediary"):
            self.add_error(
                "contact_intermediary",
                _("An anonymous profile needs an intermediary who receives contact requests."),
            )
        return data

    def _option_groups(self, name: str) -> list[OptionGroup]:
        field = self[name]
        selected = {str(v) for v in (field.value() or [])}
        groups = []
        for heading, choices in self.groups:
            groups.append(
                OptionGroup(
                    legend=heading,
                    options=[
                        Option(code, label, code in selected, f"id_{name}_{code.replace('.', '_')}")
                        for code, label in choices
                    ],
                )
            )
        return groups

    @property
    def offer_groups(self) -> list[OptionGroup]:
        return self._option_groups("offers")

    @property
    def need_groups(self) -> list[OptionGroup]:
        return self._option_groups("needs")

    def profile_data(self) -> dict:
        data = self.cleaned_data
        return {
            "offers": data["offers"],
            "needs": data["needs"],
            "description": data["description"],
            "cooperation_kinds": data["cooperation_kinds"],
            "visibility": data["visibility"],
            "contact_intermediary": data.get("contact_intermediary"),
            "show_projects": data["show_projects"],
            "show_follower_group": data["show_follower_group"],
            "contact_email": data["contact_email"],
            "contact_phone": data["contact_phone"],
        }


class OrganisationsImportForm(forms.Form):
    """Staff upload a CSV of organisations to import (the columns: see bulk_import)."""

    file = forms.FileField(
        label=_("CSV file"),
        help_text=_(
            "One organisation per row, columns separated by commas or semicolons, in UTF-8. Every row is "
            "checked first; if any is wrong, nothing is imported and you get a list of the problems."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )
    prefix = forms.CharField(
        label=_("Address prefix"),
        initial=DEFAULT_PREFIX,
        max_length=40,
        help_text=_("The imported organisations get addresses such as “synthetic-4711”, so they can be removed again."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith((".csv", ".txt")):
            raise forms.ValidationError(_("Upload a CSV file (ending in .csv)."))
        return upload

    def clean_prefix(self):
        prefix = self.cleaned_data["prefix"].strip()
        try:
            return prefix_check(prefix)
        except ValueError as error:
            raise forms.ValidationError(str(error)) from None
