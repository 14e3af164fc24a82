"""Server-side SVG charts for the result page and the PDF report.

The charts are plain SVG strings (no JavaScript, no CDN), so the same markup renders in the
browser, in WeasyPrint and with scripts switched off. Every chart carries a <title> and a
<desc> for screen readers; the page shows the same figures as a table beside it.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from django.utils.safestring import SafeString, mark_safe


@dataclass(frozen=True)
class Series:
    """One polygon of a radar chart: a value 0..100 per axis (None draws at 0)."""

    name: str
    values: Sequence[float | None]
    css_class: str = "series-main"


_STYLES = {
    "series-main": ("#0b5cad", 0.25, ""),
    "series-peer": ("#b35900", 0.0, "6 4"),
    "series-first": ("#5f6b7a", 0.0, "2 3"),
}


def _point(cx: float, cy: float, radius: float, index: int, count: int, value: float) -> tuple[float, float]:
    angle = -math.pi / 2 + 2 * math.pi * index / count
    r = radius * max(0.0, min(100.0, value)) / 100
    return cx + r * math.cos(angle), cy + r * math.sin(angle)


def radar_svg(*, title: str, axes: Sequence[str], series: Sequence[Series], size: int = 360) -> SafeString:
    """A radar chart with rings at 25, 50, 75 and 100 and one polygon per series."""
    count = len(axes)
    if count < 3:
        raise ValueError("a radar chart needs at least three axes")
    # Room around the chart for axis labels of up to three lines and the legend below.
    margin, top = 110, 50
    width, height = size + 2 * margin, size + top + 80
    cx, cy, radius = width / 2, size / 2 + top, size / 2 - 10
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.0f} {height:.0f}" '
        f'role="img" class="chart chart-radar" font-family="DejaVu Sans, sans-serif" font-size="12">',
        f"<title>{escape(title)}</title>",
        "<desc>" + escape("; ".join(f"{s.name}: " + ", ".join(_fmt(v) for v in s.values) for s in series)) + "</desc>",
    ]
    for ring in (25, 50, 75, 100):
        points = " ".join(f"{x:.1f},{y:.1f}" for x, y in (_point(cx, cy, radius, i, count, ring) for i in range(count)))
        parts.append(f'<polygon points="{points}" fill="none" stroke="#c8ced6" stroke-width="1"/>')
        x, y = _point(cx, cy, radius, 0, count, ring)
        parts.append(f'<text x="{x + 4:.1f}" y="{y + 4:.1f}" fill="#5f6b7a" font-size="10">{ring}</text>')
    for i, label in enumerate(axes):
        x, y = _point(cx, cy, radius, i, count, 100)
        parts.append(f'<line x1="{cx:.1f}" y1="{cy:.1f}" x2="{x:.1f}" y2="{y:.1f}" stroke="#c8ced6"/>')
        lx, ly = _point(cx, cy, radius + 14, i, count, 100)
        anchor = "middle" if abs(lx - cx) < 5 else ("start" if lx > cx else "end")
        lines = _wrap(label)
        # Labels above the centre grow upwards, the others downwards, so none runs into the chart.
        first_y = ly + 4 - (len(lines) - 1) * 14 if ly < cy - 5 else ly + 4
        tspans = "".join(
            f'<tspan x="{lx:.1f}" y="{first_y + n * 14:.1f}">{escape(line)}</tspan>' for n, line in enumerate(lines)
        )
        parts.append(f'<text text-anchor="{anchor}" fill="#1d2733">{tspans}</text>')
    for s in series:
        colour, opacity, dash = _STYLES.get(s.css_class, _STYLES["series-main"])
        points = " ".join(
            f"{x:.1f},{y:.1f}" for x, y in (_point(cx, cy, radius, i, count, v or 0) for i, v in enumerate(s.values))
        )
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        parts.append(
            f'<polygon class="{escape(s.css_class)}" points="{points}" fill="{colour}" fill-opacity="{opacity}" '
            f'stroke="{colour}" stroke-width="2"{dash_attr}/>'
        )
    # Legend below the chart.
    x = 10.0
    for s in series:
        colour, _opacity, dash = _STYLES.get(s.css_class, _STYLES["series-main"])
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        parts.append(
            f'<line x1="{x:.0f}" y1="{height - 12}" x2="{x + 24:.0f}" y2="{height - 12}" '
            f'stroke="{colour}" stroke-width="3"{dash_attr}/>'
        )
        parts.append(f'<text x="{x + 30:.0f}" y="{height - 8}" fill="#1d2733">{escape(s.name)}</text>')
        x += 40 + 7 * len(s.name)
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text above is escaped


def bar_svg(*, title: str, rows: Sequence[tuple[str, float | None]], width: int = 520) -> SafeString:
    """Horizontal bars 0..100, one per row, with the value written at the end of the bar."""
    label_width, bar_height, gap = 210, 18, 8
    height = len(rows) * (bar_height + gap) + gap
    scale = (width - label_width - 50) / 100
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" '
        f'class="chart chart-bars" font-family="DejaVu Sans, sans-serif" font-size="12">',
        f"<title>{escape(title)}</title>",
        "<desc>" + escape("; ".join(f"{label}: {_fmt(value)}" for label, value in rows)) + "</desc>",
    ]
    for i, (label, value) in enumerate(rows):
        y = gap + i * (bar_height + gap)
        length = max(0.0, min(100.0, value or 0)) * scale
        parts.append(
            f'<text x="{label_width - 8}" y="{y + 13}" text-anchor="end" fill="#1d2733">{escape(label)}</text>'
        )
        parts.append(
            f'<rect x="{label_width}" y="{y}" width="{100 * scale:.1f}" height="{bar_height}" fill="#eef1f4"/>'
        )
        parts.append(f'<rect x="{label_width}" y="{y}" width="{length:.1f}" height="{bar_height}" fill="#0b5cad"/>')
        parts.append(f'<text x="{label_width + length + 6:.1f}" y="{y + 13}" fill="#1d2733">{_fmt(value)}</text>')
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text above is escaped


def _wrap(label: str, width: int = 15) -> list[str]:
    """Split a long axis label into lines of about `width` characters at spaces."""
    lines: list[str] = []
    for word in label.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]


def _fmt(value: float | None) -> str:
    return "–" if value is None else f"{value:.0f}"
