"""Geometry of the monitor's small bar charts, drawn by the templates as inline SVG (no script needed).

Each chart is a value per period; a missing value (None) gets no bar and its label says why. Values
may be negative (the E–I index runs from −1 to 1): bars then grow down from the zero line.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

WIDTH = 600
HEIGHT = 180
TOP = 12
BOTTOM = 34  # room for the period labels
LEFT = 8


@dataclass(frozen=True, slots=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    label: str  # the period
    value_label: str  # the value as shown, "–" where there is none
    label_x: float
    value_y: float


@dataclass(frozen=True, slots=True)
class BarChart:
    width: int
    height: int
    zero_y: float
    bars: tuple[Bar, ...]
    label_y: float


def bar_chart(points: Sequence[tuple[str, float | None, str]]) -> BarChart:
    """A bar per (period label, value, value as shown)."""
    values = [v for _label, v, _shown in points if v is not None]
    high = max([0.0, *values])
    low = min([0.0, *values])
    span = (high - low) or 1.0
    plot = HEIGHT - TOP - BOTTOM
    zero_y = TOP + plot * high / span
    slot = (WIDTH - LEFT) / max(len(points), 1)
    width = max(min(slot * 0.6, 48), 2)
    bars = []
    for i, (label, value, shown) in enumerate(points):
        x = LEFT + i * slot + (slot - width) / 2
        size = 0.0 if value is None else plot * abs(value) / span
        y = zero_y - size if value is not None and value >= 0 else zero_y
        value_y = y - 3 if value is None or value >= 0 else y + size + 11
        bars.append(
            Bar(
                x=round(x, 1),
                y=round(y, 1),
                width=round(width, 1),
                height=round(size, 1),
                label=label,
                value_label=shown,
                label_x=round(x + width / 2, 1),
                value_y=round(max(value_y, 10), 1),
            )
        )
    return BarChart(WIDTH, HEIGHT, round(zero_y, 1), tuple(bars), HEIGHT - BOTTOM + 16)
