"""How an anonymous organisation is described: k-anonymous, counted when the description is shown.

The rule is the core's (`borderless.core.anonymity`): the description is generalised along a fixed
ladder until at least K organisations of the platform share it (K = 5, `ATLAS_ANONYMITY_K` overrides
it). The population is every organisation on the platform, of every kind and visibility, because a
description must not single a firm out among any of them. It is counted at the moment a card is
shown, since organisations join and leave.

Cost: at most one grouped COUNT query per rung of the ladder (nine), whatever the size of the data
and however many descriptions are asked for at once, and a rung is asked about only for the
descriptions not yet placed at a finer one (with very many of them, a single query of the whole
population replaces the rung-by-rung ones); plus one query for the names of the regions shown, and
two of the small tables of towns and NACE divisions, which spare the counts their joins.

Everything that shows an anonymous organisation (atlas cards, map, partner suggestions, contact
requests, notifications, e-mails, the block page) takes its description from `descriptions_for`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Avg, Count, F, Q
from django.db.models.functions import Substr
from django.utils.translation import gettext, pgettext_lazy

from borderless.core import anonymity as core
from borderless.core.anonymity import LADDER, QuasiIdentifiers, Rung, Shown
from borderless.organisations.models import (
    Country,
    NaceDivision,
    NutsRegion,
    Organisation,
    OrganisationKind,
    SizeClass,
    Town,
)

# What an organisation needs loaded (select_related) to be described without further queries.
GEOGRAPHY = ("town", "town__nuts3", "sector")

NACE_SECTIONS = {
    "A": pgettext_lazy("NACE section", "Agriculture, forestry and fishing"),
    "B": pgettext_lazy("NACE section", "Mining and quarrying"),
    "C": pgettext_lazy("NACE section", "Manufacturing"),
    "D": pgettext_lazy("NACE section", "Electricity, gas, steam and air conditioning supply"),
    "E": pgettext_lazy("NACE section", "Water supply; sewerage, waste management and remediation activities"),
    "F": pgettext_lazy("NACE section", "Construction"),
    "G": pgettext_lazy("NACE section", "Wholesale and retail trade; repair of motor vehicles and motorcycles"),
    "H": pgettext_lazy("NACE section", "Transportation and storage"),
    "I": pgettext_lazy("NACE section", "Accommodation and food service activities"),
    "J": pgettext_lazy("NACE section", "Information and communication"),
    "K": pgettext_lazy("NACE section", "Financial and insurance activities"),
    "L": pgettext_lazy("NACE section", "Real estate activities"),
    "M": pgettext_lazy("NACE section", "Professional, scientific and technical activities"),
    "N": pgettext_lazy("NACE section", "Administrative and support service activities"),
    "O": pgettext_lazy("NACE section", "Public administration and defence; compulsory social security"),
    "P": pgettext_lazy("NACE section", "Education"),
    "Q": pgettext_lazy("NACE section", "Human health and social work activities"),
    "R": pgettext_lazy("NACE section", "Arts, entertainment and recreation"),
    "S": pgettext_lazy("NACE section", "Other service activities"),
    "T": pgettext_lazy(
        "NACE section",
        "Activities of households as employers; undifferentiated goods- and services-producing activities of "
        "households for own use",
    ),
    "U": pgettext_lazy("NACE section", "Activities of extraterritorial organisations and bodies"),
}
SME_CODE = core.Band.SME.value
SME_LABEL = pgettext_lazy("size", "SME (under 250 employees)")


def anonymity_k() -> int:
    """How many organisations must share what an anonymous card shows."""
    return int(getattr(settings, "ATLAS_ANONYMITY_K", core.K))


# --- quasi-identifiers -----------------------------------------------------------------------------------


def qi_from_values(
    *, kind: str, nuts3: str | None, size_class: str, division: str | None, section: str | None, country: str = ""
) -> QuasiIdentifiers:
    """The quasi-identifiers of one organisation; `country` counts only where the region is not known."""
    nuts3 = nuts3 or ""
    # NUTS codes are hierarchical: a region's parents are the prefixes of its code.
    return QuasiIdentifiers(
        kind=kind or "",
        country=nuts3[:2] if nuts3 else country,
        nuts3=nuts3,
        nuts2=nuts3[:4],
        nuts1=nuts3[:3],
        size_class=size_class or "",
        nace_division=division or "",
        nace_section=section or "",
    )


def quasi_identifiers(organisation: Organisation) -> QuasiIdentifiers:
    """The organisation's quasi-identifiers (with `GEOGRAPHY` selected, no query)."""
    sector = organisation.sector if organisation.sector_id else None
    return qi_from_values(
        kind=organisation.kind,
        nuts3=organisation.town.nuts3_id if organisation.town_id is not None else "",
        size_class=organisation.size_class,
        division=organisation.sector_id,
        section=sector.section if sector else "",
        country=organisation.country,
    )


_REGION_FIELD = {core.NUTS3: "town__nuts3_id", core.COUNTRY: "country"}


def _population_filter(rung: Rung, targets: Iterable[QuasiIdentifiers]) -> Q:
    """Every organisation that shares a rung-level key with one of the targets (and maybe a few more)."""
    targets = list(targets)
    where = Q()
    if rung.kind:
        where &= Q(kind__in=sorted({t.kind for t in targets}))
    if rung.region is not None:
        codes = sorted({t.region(rung.region) for t in targets} - {""})
        if rung.region in _REGION_FIELD:
            regions = Q(**{f"{_REGION_FIELD[rung.region]}__in": codes})
        else:
            regions = Q(pk__in=[])
            for code in codes:
                regions |= Q(town__nuts3__code__startswith=code)
        unplaced = sorted({t.country for t in targets if not t.region(rung.region)})
        if unplaced:  # their group: the organisations of their country whose place is not known
            regions |= Q(town__isnull=True, country__in=unplaced)
        where &= regions
    if rung.size is core.Size.CLASS:
        where &= Q(size_class__in=sorted({t.size_class for t in targets}))
    elif rung.size is core.Size.BAND:
        bands = {core.band_of(t.size_class) for t in targets}
        if bands == {core.Band.LARGE}:
            where &= Q(size_class=core.LARGE)
        elif core.Band.LARGE not in bands:
            where &= ~Q(size_class=core.LARGE)
    if rung.sector is not None:
        field = "sector_id" if rung.sector is core.Sector.DIVISION else "sector__section"
        values = {t.nace_division if rung.sector is core.Sector.DIVISION else t.nace_section for t in targets}
        known = Q(**{f"{field}__in": sorted(values - {""})})
        where &= (known | Q(sector__isnull=True)) if "" in values else known
    return where


@dataclass
class _Reference:
    """Towns' NUTS-3 regions and divisions' sections, read once per count (two small tables), so that the
    grouped counts need no join."""

    regions: dict[int, str] | None = None
    sections: dict[str, str] | None = None

    def load(self) -> None:
        if self.regions is None:
            self.regions = dict(Town.objects.values_list("geonameid", "nuts3_id"))
            self.sections = dict(NaceDivision.objects.values_list("code", "section"))


def _histogram(rung: Rung, targets: Iterable[QuasiIdentifiers], reference: _Reference) -> dict[QuasiIdentifiers, int]:
    """One grouped COUNT: organisations per combination of quasi-identifiers, in the targets' rung groups."""
    reference.load()
    rows = (
        Organisation.objects.filter(_population_filter(rung, targets))
        .order_by()
        .values_list("kind", "town_id", "country", "size_class", "sector_id")
        .annotate(n=Count("pk"))
    )
    counts: dict[tuple, int] = {}
    for kind, town, country, size_class, division, n in rows:
        key = (kind, reference.regions[town] if town is not None else "", country, size_class, division)
        counts[key] = counts.get(key, 0) + n
    histogram: dict[QuasiIdentifiers, int] = {}
    for (kind, nuts3, country, size_class, division), n in counts.items():
        q = qi_from_values(
            kind=kind,
            nuts3=nuts3,
            size_class=size_class,
            division=division,
            section=reference.sections.get(division or "", ""),
            country=country,
        )
        histogram[q] = histogram.get(q, 0) + n
    return histogram


# With more descriptions than this to place, one histogram of the whole population is cheaper than
# one query per rung (the groups of so many cover most of the population anyway).
WHOLE_POPULATION_ABOVE = 200


def shown_for(records: Mapping[int, QuasiIdentifiers]) -> dict[int, Shown | None]:
    """What each organisation's anonymous card may show now (None: not shown at all).

    Rung by rung, one grouped query of the groups the still unplaced descriptions fall into; with many
    of them (a search over everything), one query of the whole population instead, which settles every
    rung at once.
    """
    k = anonymity_k()
    pending = set(records.values())
    placed: dict[QuasiIdentifiers, int] = {}
    reference = _Reference()
    last = len(LADDER) - 1
    for number, rung in enumerate(LADDER):
        if not pending:
            break
        if len(pending) > WHOLE_POPULATION_ABOVE:
            number, rung = last, LADDER[last]
        found = core.rungs(_histogram(rung, pending, reference), k=k, upto=number, targets=pending)
        for q in [q for q in pending if q in found]:
            placed[q] = found[q]
            pending.discard(q)
        if number == last:
            break
    return {key: core.shown(q, placed[q]) if q in placed else None for key, q in records.items()}


# --- competences that would tell more than the card --------------------------------------------------

SECTOR_PREFIX = "nace."  # the taxonomy's sector entries are the NACE divisions, "nace.28"


def hides_competence(code: str, *, division: str, shown: Shown | None) -> bool:
    """Whether an anonymous card leaves out this offered or needed competence.

    Firms tend to list their own sector among what they offer: "nace.28" beside a card that shows only
    section C would give the division away, and any sector entry would hint at a section the card does
    not show. So a card without the section shows no sector entries, and a card without the division
    does not show the firm's own one.
    """
    if not code.startswith(SECTOR_PREFIX):
        return False
    if shown is None or not shown.nace_section:
        return True
    return not shown.nace_division and code == SECTOR_PREFIX + (division or "")


# --- descriptions ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Description:
    """An anonymous organisation as others may see it: only generalised values, already translated."""

    shown: Shown | None  # None: too few organisations share even the coarsest description
    name: str  # e.g. "Company in Borken (DE)", "Company in Germany", "Anonymous organisation"
    kind: str
    kind_label: str
    country: str
    country_label: str
    region_code: str
    region_name: str
    region_level: int | None  # 3, 2, 1 (NUTS), 0 (country) or None
    size_class: str  # micro/small/medium/large, "sme", or ""
    size_label: str
    sector_code: str  # NACE division or section, or ""
    sector_label: str
    euregio: str  # only with a NUTS-3 region

    @property
    def visible(self) -> bool:
        return self.shown is not None


_IN_COUNTRY = {
    Country.DE: lambda: gettext("%(kind)s in Germany"),
    Country.NL: lambda: gettext("%(kind)s in the Netherlands"),
}
_ORGANISATION_IN_COUNTRY = {
    Country.DE: lambda: gettext("Organisation in Germany"),
    Country.NL: lambda: gettext("Organisation in the Netherlands"),
}


def _name(shown: Shown | None, *, kind_label: str, region_name: str) -> str:
    """One whole sentence per level of detail; the kind and region are names, not pieces of a sentence."""
    if shown is None or shown.region_level is None:
        return gettext("Anonymous organisation")
    if shown.region_level > core.COUNTRY and not shown.region:
        return gettext("%(kind)s, place unknown (%(country)s)") % {"kind": kind_label, "country": shown.country}
    if shown.region_level > core.COUNTRY:
        return gettext("%(kind)s in %(region)s (%(country)s)") % {
            "kind": kind_label,
            "region": region_name,
            "country": shown.country,
        }
    if shown.kind and shown.country in _IN_COUNTRY:
        return _IN_COUNTRY[shown.country]() % {"kind": kind_label}
    if shown.country in _ORGANISATION_IN_COUNTRY:
        return _ORGANISATION_IN_COUNTRY[shown.country]()
    return gettext("Anonymous organisation")


def describe(organisation: Organisation, shown: Shown | None, regions: Mapping[str, NutsRegion]) -> Description:
    """The description of one organisation at what `shown` allows; `regions` holds the regions shown."""
    shown_region = regions.get(shown.region) if shown is not None and shown.region_level else None
    kind_label = str(OrganisationKind(shown.kind).label) if shown is not None and shown.kind else ""
    region_name = shown_region.name if shown_region is not None else ""
    if shown is not None and shown.size_class:
        size_class, size_label = shown.size_class, str(SizeClass(shown.size_class).label)
    elif shown is not None and shown.size_band:
        size_class, size_label = SME_CODE, str(SME_LABEL)
    elif shown is not None and LADDER[shown.rung].size is not None:  # shown, and not known
        size_class, size_label = "", gettext("not known")
    else:
        size_class, size_label = "", ""
    if shown is not None and shown.nace_division and organisation.sector_id == shown.nace_division:
        sector_code, sector_label = shown.nace_division, organisation.sector.label
    elif shown is not None and shown.nace_section:
        sector_code, sector_label = shown.nace_section, str(NACE_SECTIONS.get(shown.nace_section, shown.nace_section))
    else:
        sector_code, sector_label = "", ""
    euregio = ""
    if shown_region is not None and shown.region_level == core.NUTS3 and shown_region.euregio is not None:
        euregio = shown_region.euregio.display_name  # the region's, never an organisation's own override
    country = shown.country if shown is not None else ""
    return Description(
        shown=shown,
        name=_name(shown, kind_label=kind_label, region_name=region_name),
        kind=shown.kind if shown is not None else "",
        kind_label=kind_label,
        country=country,
        country_label=str(Country(country).label) if country in Country.values else "",
        region_code=shown.region if shown_region is not None else "",
        region_name=region_name,
        region_level=shown.region_level if shown is not None else None,
        size_class=size_class,
        size_label=size_label,
        sector_code=sector_code,
        sector_label=sector_label,
        euregio=euregio,
    )


def regions_of(shown: Iterable[Shown | None]) -> dict[str, NutsRegion]:
    codes = {s.region for s in shown if s is not None and s.region_level}
    if not codes:
        return {}
    return {r.code: r for r in NutsRegion.objects.filter(code__in=codes).select_related("euregio")}


def descriptions_for(
    organisations: Iterable[Organisation], *, shown: Mapping[int, Shown | None] | None = None
) -> dict[int, Description]:
    """organisation id -> its anonymous description, in the active language (`GEOGRAPHY` selected).

    `shown` may carry what was already worked out for these organisations (the search does so).
    """
    organisations = {o.pk: o for o in organisations}
    if shown is None:
        shown = shown_for({pk: quasi_identifiers(o) for pk, o in organisations.items()})
    regions = regions_of(shown.get(pk) for pk in organisations)
    return {pk: describe(o, shown.get(pk), regions) for pk, o in organisations.items()}


def region_centroids(codes: Iterable[str]) -> dict[str, tuple[float, float]]:
    """The mean position of the known towns of each region (a NUTS code of any level, or a country code):
    where the map puts an anonymous organisation, and what its distance is measured to."""
    by_level: dict[int, set[str]] = {}
    for code in set(codes):
        by_level.setdefault(core.region_level(code), set()).add(code)
    result: dict[str, tuple[float, float]] = {}
    for level, wanted in by_level.items():
        if level == core.COUNTRY:
            towns, code = Town.objects.filter(country__in=wanted), F("country")
        elif level == core.NUTS3:
            towns, code = Town.objects.filter(nuts3_id__in=wanted), F("nuts3_id")
        else:
            within = Q()
            for prefix in wanted:
                within |= Q(nuts3__code__startswith=prefix)
            towns, code = Town.objects.filter(within), Substr("nuts3_id", 1, level + 2)
        rows = towns.order_by().values(code=code).annotate(lat=Avg("latitude"), lon=Avg("longitude"))
        for row in rows:
            if row["code"] in wanted:
                result[row["code"]] = (round(row["lat"], 3), round(row["lon"], 3))
    return result
