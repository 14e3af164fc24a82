"""Facts about organisations that follow from other facts: size class, programme area, distance."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum


class SizeClass(StrEnum):
    """EU SME size classes by headcount (Commission Recommendation 2003/361/EC)."""

    MICRO = "micro"
    SMALL = "small"
    MEDIUM = "medium"
    LARGE = "large"


@dataclass(frozen=True)
class SizeBand:
    size_class: SizeClass
    min_employees: int
    max_employees: int | None  # None: no upper bound


SIZE_BANDS: tuple[SizeBand, ...] = (
    SizeBand(SizeClass.MICRO, 1, 9),
    SizeBand(SizeClass.SMALL, 10, 49),
    SizeBand(SizeClass.MEDIUM, 50, 249),
    SizeBand(SizeClass.LARGE, 250, None),
)


def size_class_for(employees: int) -> SizeClass:
    """Size class of an organisation with the given headcount (at least one person)."""
    if employees < 1:
        raise ValueError("an organisation has at least one person")
    for band in SIZE_BANDS:
        if band.max_employees is None or employees <= band.max_employees:
            return band.size_class
    raise AssertionError("unreachable: the last band is open-ended")


def is_sme(size_class: SizeClass | str) -> bool:
    return SizeClass(size_class) is not SizeClass.LARGE


def in_programme_area(nuts3_code: str | None, area_codes: Iterable[str]) -> bool:
    """Whether a NUTS-3 region belongs to the programme area; unknown region means no."""
    if not nuts3_code:
        return False
    return nuts3_code.upper() in {code.upper() for code in area_codes}


EARTH_RADIUS_KM = 6371.0088  # mean Earth radius (IUGG)


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance by the haversine formula."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlmb = math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlmb / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(a))


def normalise_website(url: str) -> str:
    """A website as typed by a person, made into an absolute https URL ('' stays '')."""
    url = url.strip()
    if not url:
        return ""
    if "://" not in url:
        url = "https://" + url
    return url
