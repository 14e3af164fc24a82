"""A deterministic synthetic population of projects and participations in CORDIS's open-data layout.

The network benchmark and `generate_projects` need CORDIS-sized input without CORDIS: this writes a
`project.csv` and an `organization.csv` the way CORDIS publishes them (semicolon-separated, header row
of the published columns in the published order, every value quoted, UTF-8 without byte-order mark,
amounts with a decimal point) that `borderless.core.cordis` reads like the real files.

The shape follows the real programmes where the network figures depend on it: participation is heavy
tailed (a discrete Pareto draw: most organisations take part once or twice, a few in hundreds of
projects), consortia are mostly 2–15 strong with single-beneficiary grants and a tail above the
50-participant tie cut, and start dates spread over several programme periods.

Rows are streamed: only one integer per participation (the shuffled "stubs" of the configuration
model) is held, never a row; an organisation's name, PIC, address and region are derived from a hash
of the seed and its number, so they are the same in every one of its rows. Same arguments, same bytes.
"""

from __future__ import annotations

import bisect
import csv
import itertools
import math
import random
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Protocol

from borderless.core.network.ties import DEFAULT_MAX_PARTICIPANTS as TIE_CUT

# The published headers of CORDIS's Horizon Europe / H2020 `project.csv` and `organization.csv`.
PROJECT_COLUMNS = (
    "id", "acronym", "status", "title", "startDate", "endDate", "totalCost", "ecMaxContribution",
    "legalBasis", "topics", "ecSignatureDate", "frameworkProgramme", "masterCall", "subCall",
    "fundingScheme", "nature", "objective", "contentUpdateDate", "rcn", "grantDoi",
)  # fmt: skip
ORGANIZATION_COLUMNS = (
    "projectID", "projectAcronym", "organisationID", "vatNumber", "name", "shortName", "SME",
    "activityType", "street", "postCode", "city", "country", "nutsCode", "geolocation",
    "organizationURL", "contactForm", "contentUpdateDate", "rcn", "order", "role", "ecContribution",
    "netEcContribution", "totalCost", "endOfParticipation", "active",
)  # fmt: skip

# Start years, grouped as the programme periods the monitor compares.
DEFAULT_PERIODS: tuple[tuple[int, int], ...] = ((2008, 2013), (2014, 2020), (2021, 2026))

# Participations per organisation: floor(U ** (-1 / exponent)), capped. With 2.0 three in four
# organisations take part once, nine in ten at most twice, and the largest of 550,000 about 700 times.
DEFAULT_PARTICIPATION_EXPONENT = 2.0
DEFAULT_MAX_PARTICIPATIONS = 2000

# Consortium sizes: single-beneficiary grants (ERC, fellowships), consortia of 2–50 falling off as a
# power law, and a few consortia of 51–300 that count as participations but make no ties.
SINGLE_SHARE = 0.20
LARGE_SHARE = 0.01
SIZE_EXPONENT = 2.65
LARGE_SIZE_EXPONENT = 1.5
MAX_SIZE = 300

# (CORDIS country code, share of organisations); the rest of the EU and associated countries share the remainder.
COUNTRIES: tuple[tuple[str, float], ...] = (
    ("DE", 0.30), ("NL", 0.20), ("BE", 0.06), ("FR", 0.08), ("ES", 0.07), ("IT", 0.07), ("UK", 0.05),
    ("AT", 0.03), ("DK", 0.02), ("SE", 0.03), ("PL", 0.03), ("EL", 0.02), ("PT", 0.02), ("CH", 0.02),
)  # fmt: skip
ACTIVITY_TYPES: tuple[tuple[str, float], ...] = (
    ("PRC", 0.45),
    ("HES", 0.18),
    ("REC", 0.17),
    ("PUB", 0.12),
    ("OTH", 0.08),
)

TOWNS: dict[str, tuple[str, ...]] = {
    "NL": ("ENSCHEDE", "HENGELO", "NIJMEGEN", "ARNHEM", "GRONINGEN", "VENLO", "EMMEN", "ZWOLLE", "ALMELO",
           "DOETINCHEM", "ROERMOND", "MAASTRICHT", "HEERLEN", "ASSEN", "LEEUWARDEN", "APELDOORN", "DEVENTER",
           "EINDHOVEN", "'S-HERTOGENBOSCH", "WINTERSWIJK"),
    "DE": ("MUENSTER", "OSNABRUECK", "OLDENBURG", "EMDEN", "LEER", "NORDHORN", "LINGEN", "KLEVE", "KREFELD",
           "DUISBURG", "DUESSELDORF", "MOENCHENGLADBACH", "BOCHOLT", "BORKEN", "GRONAU", "MEPPEN",
           "PAPENBURG", "WESEL", "VIERSEN", "AACHEN"),
    "BE": ("LEUVEN", "GENT", "BRUXELLES", "ANTWERPEN", "LIEGE"),
    "FR": ("PARIS", "LYON", "GRENOBLE", "TOULOUSE", "STRASBOURG"),
    "ES": ("MADRID", "BARCELONA", "VALENCIA", "BILBAO", "SEVILLA"),
    "IT": ("ROMA", "MILANO", "TORINO", "BOLOGNA", "NAPOLI"),
    "UK": ("LONDON", "CAMBRIDGE", "OXFORD", "MANCHESTER", "EDINBURGH"),
    "AT": ("WIEN", "GRAZ", "LINZ", "INNSBRUCK"),
    "DK": ("KOBENHAVN", "AARHUS", "ODENSE", "LYNGBY"),
    "SE": ("STOCKHOLM", "GOTEBORG", "LUND", "UPPSALA"),
    "PL": ("WARSZAWA", "KRAKOW", "GDANSK", "POZNAN"),
    "EL": ("ATHINA", "THESSALONIKI", "PATRA", "IRAKLEIO"),
    "PT": ("LISBOA", "PORTO", "COIMBRA", "BRAGA"),
    "CH": ("ZUERICH", "LAUSANNE", "BERN", "BASEL"),
}  # fmt: skip
STREETS = {
    "NL": ("HOOFDSTRAAT", "KERKSTRAAT", "STATIONSWEG", "MARKT", "INDUSTRIEWEG", "DORPSSTRAAT", "LAAN VAN EUROPA"),
    "DE": ("HAUPTSTRASSE", "BAHNHOFSTRASSE", "MARKTPLATZ", "INDUSTRIESTRASSE", "SCHLOSSPLATZ", "KIRCHWEG"),
}
LEGAL_FORMS = {"NL": "BV", "DE": "GMBH", "BE": "NV", "FR": "SAS", "ES": "SL", "IT": "SRL", "AT": "GMBH", "CH": "AG"}
SYLLABLES = ("SEN", "TRA", "VO", "LIN", "KO", "MAR", "DEL", "TEC", "NO", "VA", "GRE", "ZO", "RI", "BO", "TA", "QUA")
NL_POSTCODE_LETTERS = "ABCDEGHJKLMNPRSTVWXZ"  # PostNL leaves out F, I, O, Q, U and Y
FRAMEWORKS = ((2013, "FP7", "FP7-"), (2020, "H2020", "H2020-"), (9999, "HORIZON", "HORIZON-"))
FIRST_PROJECT_ID = {"FP7": 200_000, "H2020": 633_000, "HORIZON": 101_000_000}
SCHEMES = {"FP7": ("CP", "CSA", "MC-ITN", "ERC-SG"), "H2020": ("RIA", "IA", "CSA", "ERC-STG", "MSCA-ITN-ETN"),
           "HORIZON": ("HORIZON-RIA", "HORIZON-IA", "HORIZON-CSA", "HORIZON-ERC", "HORIZON-TMA-MSCA-DN")}  # fmt: skip

_MASK = (1 << 64) - 1
_PICS = 99_999_999  # PICs 900000000 … 999999998, one per organisation


class TextSink(Protocol):
    def write(self, text: str, /) -> int: ...


@dataclass(frozen=True, slots=True)
class PopulationSummary:
    """What `write_population` wrote; `ties` counts, per project of at most 50 participants, its pairs.

    Pairs that share more than one project are counted once per project, so the tie graphs can hold
    fewer distinct ties (with random mixing almost none are repeated); `large_projects` have more than 50 participants.
    """

    organisations: int
    projects: int
    participations: int
    ties: int
    large_projects: int


@dataclass(frozen=True, slots=True)
class PopulationEstimate:
    participations: float
    projects: float
    ties: float


def read_programme_nuts(text: str) -> tuple[str, ...]:
    """The NUTS-3 codes of the programme-area table (its `nuts3_2021` column), given the file's text."""
    return tuple(row["nuts3_2021"].strip() for row in csv.DictReader(text.splitlines()) if row["nuts3_2021"].strip())


def _mix(value: int) -> int:
    """SplitMix64: a cheap well-spread 64-bit hash, the same on every platform and Python version."""
    z = (value + 0x9E3779B97F4A7C15) & _MASK
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & _MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & _MASK
    return z ^ (z >> 31)


def _size_table() -> tuple[list[float], list[int]]:
    """Cumulative shares of the consortium sizes 1 … MAX_SIZE, and the sizes, for a bisect draw."""
    shares = [SINGLE_SHARE]
    for band, share, exponent in (
        (range(2, TIE_CUT + 1), 1 - SINGLE_SHARE - LARGE_SHARE, SIZE_EXPONENT),
        (range(TIE_CUT + 1, MAX_SIZE + 1), LARGE_SHARE, LARGE_SIZE_EXPONENT),
    ):
        weights = [n**-exponent for n in band]
        total = sum(weights)
        shares.extend(share * weight / total for weight in weights)
    cumulative = list(itertools.accumulate(shares))
    cumulative[-1] = 1.0
    return cumulative, list(range(1, MAX_SIZE + 1))


def _participations_of(u: float, exponent: float, cap: int) -> int:
    return min(cap, int((1.0 - u) ** (-1.0 / exponent)))


def estimate_population(
    organisations: int,
    *,
    participation_exponent: float = DEFAULT_PARTICIPATION_EXPONENT,
    max_participations: int = DEFAULT_MAX_PARTICIPATIONS,
) -> PopulationEstimate:
    """The expected participations, projects and (per-project) ties of `write_population`'s draws."""
    # E[min(cap, floor(U^(-1/a)))] = sum over m = 1 … cap of P(count >= m) = m^(-a).
    per_organisation = sum(m**-participation_exponent for m in range(1, max_participations + 1))
    cumulative, sizes = _size_table()
    shares = [cumulative[0]] + [b - a for a, b in itertools.pairwise(cumulative)]
    mean_size = sum(p * n for p, n in zip(shares, sizes, strict=True))
    mean_pairs = sum(p * n * (n - 1) / 2 for p, n in zip(shares, sizes, strict=True) if n <= TIE_CUT)
    participations = organisations * per_organisation
    projects = participations / mean_size
    return PopulationEstimate(participations, projects, projects * mean_pairs)


@dataclass(frozen=True, slots=True)
class _Organisation:
    pic: str
    fields: tuple[str, ...]  # vatNumber … organizationURL, as in ORGANIZATION_COLUMNS


def _pick(weighted: Sequence[tuple[str, float]], u: float) -> str:
    for value, weight in weighted:
        if u < weight:
            return value
        u -= weight
    return weighted[-1][0]


class _Population:
    def __init__(self, seed: int, nuts_codes: Sequence[str]) -> None:
        self.key = _mix(seed & _MASK)
        self.nuts = {country: tuple(sorted(c for c in nuts_codes if c.startswith(country))) for country in ("NL", "DE")}
        step = 1_000_003 + self.key % 1_000_000
        while math.gcd(step, _PICS) != 1:
            step += 1
        self.pic_step, self.pic_offset = step, self.key % _PICS
        others = sum(w for c, w in COUNTRIES if c not in ("NL", "DE"))
        self.countries = tuple((c, w if c in ("NL", "DE") else w * 0.5 / others) for c, w in COUNTRIES)
        self.organisation = lru_cache(maxsize=1 << 14)(self._organisation)

    def _organisation(self, index: int) -> _Organisation:
        h1, h2 = _mix(self.key ^ index), _mix(self.key ^ ~index & _MASK)
        country = _pick(self.countries, (h1 & 0xFFFF) / 0x10000)
        activity = _pick(ACTIVITY_TYPES, ((h1 >> 16) & 0xFFFF) / 0x10000)
        towns = TOWNS[country]
        town = towns[(h1 >> 32) % len(towns)]
        stem = "".join(SYLLABLES[(h2 >> (4 * k)) & 15] for k in range(2 + (h2 >> 60) % 3))
        if activity == "HES":
            name = f"{'HOCHSCHULE' if country == 'DE' else 'UNIVERSITY'} {stem} {town}"
        elif activity == "REC":
            name = f"{stem} RESEARCH INSTITUTE {town}"
        elif activity == "PUB":
            name = f"{'STADT' if country == 'DE' else 'GEMEENTE' if country == 'NL' else 'CITY OF'} {town} {stem}"
        elif activity == "PRC":
            name = f"{stem} {LEGAL_FORMS.get(country, 'LTD')}"
        else:
            name = f"STICHTING {stem}" if country == "NL" else f"{stem} ASSOCIATION"
        house = 1 + (h2 >> 20) % 180
        if country in ("NL", "DE"):
            streets = STREETS[country]
            street = f"{streets[(h2 >> 28) % len(streets)]} {house}"
            if country == "NL":
                letters = NL_POSTCODE_LETTERS
                post_code = f"{1000 + (h1 >> 40) % 9000} {letters[(h2 >> 36) % 20]}{letters[(h2 >> 41) % 20]}"
            else:
                post_code = f"{1067 + (h1 >> 40) % 98_000:05d}"
            codes = self.nuts[country]
            nuts = codes[(h2 >> 46) % len(codes)] if codes else country
            lat = 51.0 + ((h1 >> 48) & 0xFF) / 256 * 2.5
            lon = 5.5 + ((h2 >> 52) & 0xFF) / 256 * 3.0
            geolocation = f"{lat:.7f},{lon:.7f}"
        else:
            street = f"STREET {house}"
            post_code = f"{1000 + (h1 >> 40) % 9000}"
            nuts, geolocation = country, ""
        pic = str(900_000_000 + (index * self.pic_step + self.pic_offset) % _PICS)
        sme = activity == "PRC" and (h2 >> 56) % 3 != 0
        vat = f"{country}{h1 % 1_000_000_000:09d}" if activity in ("PRC", "HES") else ""
        url = f"http://www.{stem.lower()}.{'uk' if country == 'UK' else country.lower()}"
        short = stem[:6]
        fields = (
            vat,
            name,
            short,
            str(sme).lower(),
            activity,
            street,
            post_code,
            town,
            country,
            nuts,
            geolocation,
            url,
        )
        return _Organisation(pic, fields)


def _framework(year: int) -> tuple[str, str]:
    for last, name, prefix in FRAMEWORKS:
        if year <= last:
            return name, prefix
    raise AssertionError  # pragma: no cover - the last framework takes every year


def write_population(
    project_out: TextSink,
    organization_out: TextSink,
    *,
    organisations: int,
    seed: int,
    nuts_codes: Sequence[str],
    periods: Sequence[tuple[int, int]] = DEFAULT_PERIODS,
    participation_exponent: float = DEFAULT_PARTICIPATION_EXPONENT,
    max_participations: int = DEFAULT_MAX_PARTICIPATIONS,
) -> PopulationSummary:
    """Write `project.csv` to `project_out` and `organization.csv` to `organization_out`.

    Open the files with `encoding="utf-8", newline=""` for byte-identical output. `nuts_codes` are the
    NUTS-3 codes Dutch and German organisations are placed in (see `read_programme_nuts`); every
    organisation takes part at least once; `periods` are (first, last) start years.
    """
    if not 1 <= organisations <= _PICS:
        raise ValueError("organisations must be between 1 and 99,999,999 (one PIC each)")
    years = sorted({year for first, last in periods for year in range(first, last + 1)})
    if not years:
        raise ValueError("periods hold no year")
    rng = random.Random(seed)
    population = _Population(seed, nuts_codes)

    stubs = array("l")
    for index in range(organisations):
        stubs.extend([index] * _participations_of(rng.random(), participation_exponent, max_participations))
    rng.shuffle(stubs)
    cumulative, sizes = _size_table()

    projects = csv.writer(project_out, delimiter=";", quoting=csv.QUOTE_ALL, lineterminator="\n")
    rows = csv.writer(organization_out, delimiter=";", quoting=csv.QUOTE_ALL, lineterminator="\n")
    project_out.write(";".join(PROJECT_COLUMNS) + "\n")
    organization_out.write(";".join(ORGANIZATION_COLUMNS) + "\n")

    next_id = dict(FIRST_PROJECT_ID)
    rcn = 100_000
    position = written = ties = large = count = 0
    while position < len(stubs):
        size = sizes[bisect.bisect_right(cumulative, rng.random())]
        members: list[int] = []
        for index in stubs[position : position + size]:
            if index not in members:  # an organisation takes part once; its surplus stub is dropped
                members.append(index)
        position += size
        count += 1
        year = years[int(rng.random() * len(years))]
        start = date(year, 1 + int(rng.random() * 12), 1)
        months = 12 * (2 + int(rng.random() * 4))
        end = date(start.year + (start.month - 1 + months) // 12, 1 + (start.month - 1 + months) % 12, 1) - timedelta(1)
        signed = start - timedelta(30 + int(rng.random() * 90))
        updated = f"{min(end, date(2026, 11, 30)).isoformat()} 10:{count % 60:02d}:00"
        framework, prefix = _framework(year)
        project_id = str(next_id[framework])
        next_id[framework] += 1
        # Single-beneficiary grants are ERC or fellowship grants; consortia are research, innovation or support actions.
        scheme = SCHEMES[framework][int(rng.random() * 3)] if len(members) > 1 else SCHEMES[framework][3]
        acronym = "".join(SYLLABLES[int(rng.random() * 16)] for _ in range(3)) + str(count % 100)
        call = f"{prefix}{year}-CALL-{1 + count % 7:02d}"
        cost = 100_000 * (5 + int(rng.random() * 40)) * max(1, len(members)) // 3
        contribution = cost * 0.9
        status = "SIGNED" if end.year >= 2026 else "CLOSED"
        projects.writerow(
            (
                project_id, acronym, status, f"Synthetic project {count}; {framework} {scheme}",
                start.isoformat(), end.isoformat(), f"{cost:.2f}", f"{contribution:.2f}",
                f"{prefix}EU.{1 + count % 5}", f"{call}-{count % 13:02d}", signed.isoformat(), framework,
                call, call, scheme, "",
                f"A consortium of {len(members)} members;\nwork on topic {count % 97}.",
                updated, str(rcn), f"10.3030/{project_id}",
            )
        )  # fmt: skip
        rcn += 1
        share = contribution / len(members)
        for order, index in enumerate(members, start=1):
            organisation = population.organisation(index)
            u = rng.random()
            if order == 1:
                role = "coordinator"
            elif u < 0.05 and framework == "HORIZON":
                role = "associatedPartner"
            elif u < 0.09:
                role = "thirdParty"
            else:
                role = "participant"
            paid = "" if role == "associatedPartner" else f"{share:.2f}"
            rows.writerow(
                (
                    project_id, acronym, organisation.pic, *organisation.fields,
                    "", updated, str(rcn), str(order), role, paid, paid, paid, "false", "true",
                )
            )  # fmt: skip
            rcn += 1
        written += len(members)
        if len(members) > TIE_CUT:
            large += 1
        else:
            ties += len(members) * (len(members) - 1) // 2
    return PopulationSummary(organisations, count, written, ties, large)
