"""NACE Rev. 2 sections and the divisions they contain (Eurostat; 21 sections, 88 divisions).

A criterion may name sections ("C", manufacturing) and divisions ("62"); a firm has a division.
The division numbers have gaps (there is no 04 or 34), so each section lists its first and last
division and the real divisions are the ones in `DIVISIONS`.
"""

from __future__ import annotations

from types import MappingProxyType

_SECTION_RANGES: dict[str, tuple[int, int]] = {
    "A": (1, 3),
    "B": (5, 9),
    "C": (10, 33),
    "D": (35, 35),
    "E": (36, 39),
    "F": (41, 43),
    "G": (45, 47),
    "H": (49, 53),
    "I": (55, 56),
    "J": (58, 63),
    "K": (64, 66),
    "L": (68, 68),
    "M": (69, 75),
    "N": (77, 82),
    "O": (84, 84),
    "P": (85, 85),
    "Q": (86, 88),
    "R": (90, 93),
    "S": (94, 96),
    "T": (97, 98),
    "U": (99, 99),
}

SECTION_DIVISIONS: MappingProxyType[str, frozenset[str]] = MappingProxyType(
    {section: frozenset(f"{n:02d}" for n in range(lo, hi + 1)) for section, (lo, hi) in _SECTION_RANGES.items()}
)
SECTIONS: frozenset[str] = frozenset(SECTION_DIVISIONS)
DIVISIONS: frozenset[str] = frozenset().union(*SECTION_DIVISIONS.values())
SECTION_OF: MappingProxyType[str, str] = MappingProxyType(
    {division: section for section, divisions in SECTION_DIVISIONS.items() for division in divisions}
)


def division_of(code: str | None) -> str | None:
    """The division of a NACE code at any level below the section ("28", "28.1", "28.11" -> "28")."""
    if not code:
        return None
    division = code.strip()[:2]
    return division if division in DIVISIONS else None
