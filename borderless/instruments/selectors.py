"""Reads of the instrument catalogue: the finder's filters, facet counts and search, and single entries.

Filtering works on the catalogue snapshot that matching keeps anyway (`matching.Entry`): the
facets read JSON lists (area covered, languages) and the criteria, which SQLite and PostgreSQL
query differently, and the counts per facet value need the whole filtered list once per facet.
The rows shown on a page are then read from the database in one query.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, fields

from django.db.models import Prefetch, QuerySet
from django.http import Http404

from borderless.core.instruments import Verdict
from borderless.core.instruments.matching import STATUS_RANK, UNRANKED_STATUS, sort_name
from borderless.i18n.translation import translate
from borderless.organisations.models import Euregio, NutsRegion

from .matching import Entry, Snapshot, match_organisation, snapshot
from .models import Call, Instrument

UNKNOWN_STATUS = "unknown"  # the filter value for "status not known yet"
CROSS_BORDER_REQUIRED = "required"
CROSS_BORDER_NOT_REQUIRED = "not_required"


@dataclass(frozen=True)
class FinderFilters:
    """The finder's filters; empty strings mean "any". Values are checked by `forms.FinderForm`."""

    q: str = ""
    level: str = ""
    kind: str = ""
    status: str = ""  # a Status value, or "unknown"
    region: str = ""  # "NL", "DE", a NUTS code of any level, or a Euregio slug
    organisation_kind: str = ""  # for this kind of organisation (from the criteria)
    size_class: str = ""  # for this size class (from the criteria)
    cross_border: str = ""  # "required" or "not_required"
    language: str = ""  # a language of the provider

    def as_query(self) -> dict[str, str]:
        """The filters that are set, as query parameters (for links, exports and saved searches)."""
        return {key: value for key, value in asdict(self).items() if value}

    def __bool__(self) -> bool:
        return bool(self.as_query())


FACETS: tuple[str, ...] = tuple(f.name for f in fields(FinderFilters) if f.name != "q")


@dataclass(frozen=True)
class FinderResult:
    entries: list[Entry]  # in the finder's order
    counts: dict[str, dict[str, int]]  # facet -> value -> instruments with that value, other filters applied
    all_languages: bool  # the search found nothing in the reader's language and looked in all three
    total: int  # instruments in the catalogue


# --- regions ---------------------------------------------------------------------------------------


def region_options() -> list[tuple[str, str]]:
    """The regions offered in the finder: the two countries, the Euregios, the provinces and districts
    of the programme area (NUTS 2), each as (value, name)."""
    countries = list(NutsRegion.objects.filter(level=0).order_by("-code").values_list("code", "name"))
    euregios = list(Euregio.objects.order_by("name").values_list("slug", "name"))
    level2 = list(
        NutsRegion.objects.filter(level=2, children__in_programme_area=True)
        .distinct()
        .order_by("code")
        .values_list("code", "name")
    )
    return countries + euregios + level2


def region_is_known(value: str) -> bool:
    return NutsRegion.objects.filter(code=value).exists() or Euregio.objects.filter(slug=value).exists()


def region_name(value: str) -> str:
    region = NutsRegion.objects.filter(code=value).values_list("name", flat=True).first()
    if region is not None:
        return f"{region} ({value})"
    return Euregio.objects.filter(slug=value).values_list("name", flat=True).first() or value


def region_codes(values: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """The NUTS codes each region filter value stands for: the code itself, or a Euregio's NUTS-3 regions.

    NUTS codes are upper case and Euregio slugs lower case, so the two cannot be confused.
    """
    values = set(values)
    slugs = [value for value in values if value != value.upper()]
    codes: dict[str, list[str]] = {slug: [] for slug in slugs}
    for slug, code in NutsRegion.objects.filter(level=3, euregio__slug__in=slugs).values_list("euregio__slug", "code"):
        codes[slug].append(code)
    return {value: tuple(codes[value]) if value in codes else (value,) for value in values}


def covers(spatial: Sequence[str], codes: Iterable[str]) -> bool:
    """Whether an area covered (NUTS codes) overlaps a region: one lies within the other."""
    return any(own.startswith(code) or code.startswith(own) for own in spatial for code in codes)


# --- filtering -------------------------------------------------------------------------------------


def _predicates(filters: FinderFilters, regions: dict[str, tuple[str, ...]]) -> dict[str, Callable[[Entry], bool]]:
    """One test per facet that is set."""
    tests: dict[str, Callable[[Entry], bool]] = {}
    if filters.level:
        tests["level"] = lambda e: e.level == filters.level
    if filters.kind:
        tests["kind"] = lambda e: e.kind == filters.kind
    if filters.status:
        wanted = "" if filters.status == UNKNOWN_STATUS else filters.status
        tests["status"] = lambda e: e.status == wanted
    if filters.region:
        codes = regions[filters.region]
        tests["region"] = lambda e: covers(e.spatial, codes)
    if filters.organisation_kind:
        tests["organisation_kind"] = lambda e: e.kinds is None or filters.organisation_kind in e.kinds
    if filters.size_class:
        tests["size_class"] = lambda e: e.sizes is None or filters.size_class in e.sizes
    if filters.cross_border:
        required = filters.cross_border == CROSS_BORDER_REQUIRED
        tests["cross_border"] = lambda e: e.cross_border is required
    if filters.language:
        tests["language"] = lambda e: filters.language in e.languages
    return tests


def _values(facet: str, entry: Entry, choices: dict[str, Sequence[str]], covered: Callable[[Entry], list[str]]):
    """The values of one facet an instrument counts for."""
    if facet == "level":
        return (entry.level,)
    if facet == "kind":
        return (entry.kind,)
    if facet == "status":
        return (entry.status or UNKNOWN_STATUS,)
    if facet == "region":
        return covered(entry)
    if facet == "organisation_kind":
        return choices["organisation_kind"] if entry.kinds is None else entry.kinds
    if facet == "size_class":
        return choices["size_class"] if entry.sizes is None else entry.sizes
    if facet == "cross_border":
        return (CROSS_BORDER_REQUIRED if entry.cross_border else CROSS_BORDER_NOT_REQUIRED,)
    if facet == "language":
        return entry.languages
    raise ValueError(facet)


def _searched(entries: Iterable[Entry], q: str, lang: str) -> tuple[list[Entry], bool]:
    """Entries whose name or description holds every word of `q` in `lang`; else in any language."""
    words = q.casefold().split()
    entries = list(entries)
    if not words:
        return entries, False
    found = [e for e in entries if all(w in e.search.get(lang, "") for w in words)]
    if found:
        return found, False
    everywhere = [e for e in entries if all(any(w in text for text in e.search.values()) for w in words)]
    return everywhere, bool(everywhere)


def finder_order_key(entry: Entry, lang: str, today_ordinal: int) -> tuple:
    """Open and forthcoming before closed, the nearest upcoming deadline first, then by name."""
    deadline = entry.next_deadline.toordinal() if entry.next_deadline else None
    upcoming = deadline is not None and deadline >= today_ordinal
    return (
        STATUS_RANK.get(entry.status, UNRANKED_STATUS),
        0 if upcoming else 1,
        deadline if upcoming else 0,
        sort_name(translate(entry.name, lang)),
        entry.identifier,
    )


def finder_search(
    *,
    filters: FinderFilters,
    lang: str,
    choices: dict[str, Sequence[str]],
    current: Snapshot | None = None,
    with_counts: bool = True,
) -> FinderResult:
    """The instruments that pass every filter, in the finder's order, and the counts per facet value.

    `choices` lists the values of each facet to count (the form's choices); the count of a value is
    the number of instruments the list would show with that value chosen and the other filters kept.
    """
    current = current or snapshot()
    region_values = set(choices.get("region", ()))
    if filters.region:
        region_values.add(filters.region)
    regions = region_codes(region_values)
    tests = _predicates(filters, regions)
    searched, all_languages = _searched(current.entries, filters.q, lang)

    # Many instruments share one area (a province, the programme area): work out each area once.
    memo: dict[tuple[str, ...], list[str]] = {}

    def covered(entry: Entry) -> list[str]:
        found = memo.get(entry.spatial)
        if found is None:
            found = memo[entry.spatial] = [v for v in choices.get("region", ()) if covers(entry.spatial, regions[v])]
        return found

    counts: dict[str, dict[str, int]] = {}
    for facet in FACETS if with_counts else ():
        others = [test for name, test in tests.items() if name != facet]
        counter: Counter[str] = Counter()
        for entry in searched:
            if all(test(entry) for test in others):
                counter.update(_values(facet, entry, choices, covered))
        counts[facet] = dict(counter)

    chosen = [entry for entry in searched if all(test(entry) for test in tests.values())]
    today = current.today.toordinal()
    chosen.sort(key=lambda entry: finder_order_key(entry, lang, today))
    return FinderResult(entries=chosen, counts=counts, all_languages=all_languages, total=len(current.entries))


# --- rows and single instruments -------------------------------------------------------------------


def _with_relations(queryset: QuerySet[Instrument]) -> QuerySet[Instrument]:
    return queryset.select_related("provider", "verified_by").prefetch_related(
        Prefetch("calls", queryset=Call.objects.order_by("closes_on", "opens_on", "pk"))
    )


def instruments_in_order(*, identifiers: Sequence[str]) -> list[Instrument]:
    """The instruments with these identifiers, in this order, with provider and calls (two queries)."""
    found = {i.identifier: i for i in _with_relations(Instrument.objects.filter(identifier__in=identifiers))}
    return [found[identifier] for identifier in identifiers if identifier in found]


def instrument_get(*, identifier: str) -> Instrument:
    """One instrument with everything its page shows; 404 when there is none."""
    instrument = (
        _with_relations(Instrument.objects.filter(identifier=identifier))
        .prefetch_related("contact_points", "contact_points__town")
        .first()
    )
    if instrument is None:
        raise Http404
    return instrument


def instruments_by_identifier(*, identifiers: Iterable[str]) -> dict[str, Instrument]:
    """Names and links of instruments (for routes), in one query."""
    return {
        i.identifier: i
        for i in Instrument.objects.filter(identifier__in=list(identifiers)).only(
            "identifier", "name", "status", "kind"
        )
    }


def organisation_entries(*, entries: Sequence[Entry], organisation, current: Snapshot) -> list[Entry]:
    """Of these entries, those that fit or might fit the organisation, in the same order."""
    matches = match_organisation(
        organisation, lang=None, ids=[entry.identifier for entry in entries], current=current
    ).matches
    keep = {match.id for match in matches if match.verdict != Verdict.DOES_NOT_FIT}
    return [entry for entry in entries if entry.identifier in keep]


def saved_search_entries(*, filters: FinderFilters, organisation, lang: str, current: Snapshot) -> list[Entry]:
    """What a saved search finds now: the finder's list, and for an organisation only what may fit it."""
    entries = finder_search(filters=filters, lang=lang, choices={}, current=current, with_counts=False).entries
    if organisation is None:
        return entries
    return organisation_entries(entries=entries, organisation=organisation, current=current)
