"""Tiny hand-built populations: a few real places on both sides of the border."""

from __future__ import annotations

from borderless.core.matching import Profile, Weights

# (lat, lon)
ENSCHEDE = (52.2215, 6.8937)  # NL
NIJMEGEN = (51.8426, 5.8527)  # NL
GRONAU = (52.2125, 7.0242)  # DE, 9 km from Enschede
BOCHOLT = (51.8383, 6.6153)  # DE
MUENSTER = (51.9607, 7.6261)  # DE
KLEVE = (51.7900, 6.1400)  # DE


def org(profile_id: int, place: tuple[float, float] = GRONAU, country: str = "DE", **fields) -> Profile:
    lat, lon = place
    return Profile(id=profile_id, country=country, lat=lat, lon=lon, **fields)


def nl(profile_id: int, place: tuple[float, float] = ENSCHEDE, **fields) -> Profile:
    return org(profile_id, place, "NL", **fields)


def only(component: str) -> Weights:
    """Weights that switch every component off but one, so the score is that component's value."""
    return Weights(**{name: 1.0 if name == component else 0.0 for name in Weights.__dataclass_fields__})


def scores(recommendations) -> dict[int, float]:
    return {r.id: r.score for r in recommendations}
