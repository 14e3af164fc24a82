"""The network's public figures: aggregates of the current computation, no organisation named, no small group.

A region's phase distribution is shown only where at least MIN_GROUP organisations make it up
("fewer than 5 organisations" otherwise), and within a shown distribution a phase of 1 to 4
organisations is hidden too. A hidden figure must not be derivable from shown ones: wherever a shown
total is the sum of figures of which exactly one is hidden, a second one is hidden (complementary
suppression). The totals are a region's number of organisations (the sum of its phases) and a
Euregio's figures (the sums of its NUTS-3 regions'). The programme-wide phase counts follow the same
rule.

`suppress` is plain arithmetic on dictionaries, so that it is tested without a database.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from borderless.organisations.models import Euregio, NutsRegion

from .figures import PHASES, current_run, nuts3_euregios
from .models import NetworkRun, PeriodFigures

MIN_GROUP = 5
TOTAL = "organisations"


@dataclass(slots=True)
class Row:
    """One line of a table: `values` per phase and the TOTAL; `hidden` names the values not shown."""

    key: str
    name: str
    values: dict[str, int]
    hidden: set[str] = field(default_factory=set)
    parent: str = ""

    @property
    def suppressed(self) -> bool:
        """The whole line is hidden (a group under MIN_GROUP, or hidden to protect another line)."""
        return TOTAL in self.hidden

    def shown(self, column: str) -> int | None:
        return None if column in self.hidden else self.values.get(column, 0)

    def cells(self) -> list[int | None]:
        return [self.shown(phase) for phase in PHASES]


def _hide_second(rows: Sequence[Row], column: str, *, whole_row: bool) -> bool:
    """Hide the smallest shown figure of `column` among `rows` (positive ones first); False if none."""
    candidates = [r for r in rows if column not in r.hidden]
    if not candidates:
        return False
    target = min(candidates, key=lambda r: (r.values.get(column, 0) == 0, r.values.get(column, 0), r.key))
    if whole_row:
        target.hidden |= {TOTAL, *PHASES}
    else:
        target.hidden.add(column)
    return True


def suppress(rows: Sequence[Row], parents: Sequence[Row] = ()) -> None:
    """Mark the hidden figures of `rows` (and of `parents`, the sums of the rows naming them as parent)."""
    for row in (*rows, *parents):
        if row.values.get(TOTAL, 0) < MIN_GROUP:
            row.hidden |= {TOTAL, *PHASES}
        else:
            row.hidden |= {p for p in PHASES if 0 < row.values.get(p, 0) < MIN_GROUP}
    children = {parent.key: [r for r in rows if r.parent == parent.key] for parent in parents}
    changed = True
    while changed:
        changed = False
        # Within a line: its total is shown, so one hidden phase alone could be worked out.
        for row in (*rows, *parents):
            if not row.suppressed and sum(p in row.hidden for p in PHASES) == 1:
                shown = [Row(p, p, {p: row.values.get(p, 0)}) for p in PHASES if p not in row.hidden]
                target = min(shown, key=lambda r: (r.values[r.key] == 0, r.values[r.key], r.key))
                row.hidden.add(target.key)
                changed = True
        # Down a Euregio's column: its shown sum minus the shown regions gives one hidden region away.
        for parent in parents:
            members = children[parent.key]
            for column in (TOTAL, *PHASES):
                if column in parent.hidden or sum(column in r.hidden for r in members) != 1:
                    continue
                whole_row = column == TOTAL
                if not _hide_second(members, column, whole_row=whole_row):
                    parent.hidden |= {TOTAL, *PHASES} if whole_row else {column}
                changed = True


@dataclass(frozen=True, slots=True)
class PublicPeriod:
    label: str
    kind: str
    organisations: int
    projects: int
    ties: int
    nl_de_ties: int
    nl_de_organisations: int
    phases: Row
    newcomer_share: float | None
    newcomer_reason: str
    max_participants: int
    euregios: list[Row]
    regions: list[Row]


@dataclass(frozen=True, slots=True)
class PublicFigures:
    run: NetworkRun
    periods: list[PublicPeriod]
    sources: dict[str, int]


def public_period(
    report: Mapping[str, Any], *, euregio_of: Mapping[str, str], names: Mapping[str, str]
) -> PublicPeriod:
    """One period's public figures from its stored report."""
    phases = dict(report.get("phases") or {})
    total_phased = sum(phases.values())
    overall = Row("all", "", {**{p: phases.get(p, 0) for p in PHASES}, TOTAL: total_phased})
    regions = []
    for entry in report.get("regions") or []:
        code = entry["region"]
        values = {p: int(entry["phases"].get(p, 0)) for p in PHASES}
        regions.append(
            Row(
                code,
                names.get(code, code),
                {**values, TOTAL: int(entry["organisations"])},
                parent=euregio_of.get(code, ""),
            )
        )
    euregios: dict[str, Row] = {}
    for row in regions:
        if row.parent:
            parent = euregios.setdefault(
                row.parent, Row(row.parent, names.get(row.parent, row.parent), dict.fromkeys((*PHASES, TOTAL), 0))
            )
            for column, value in row.values.items():
                parent.values[column] += value
    suppress([overall], [])
    suppress(regions, list(euregios.values()))
    return PublicPeriod(
        label=report.get("period", ""),
        kind=report.get("kind", ""),
        organisations=report.get("organisations", 0),
        projects=report.get("projects", 0),
        ties=report.get("ties", 0),
        nl_de_ties=report.get("nl_de_ties", 0),
        nl_de_organisations=report.get("nl_de_organisations", total_phased),
        phases=overall,
        newcomer_share=report.get("newcomer_share"),
        newcomer_reason=report.get("newcomer_reason") or "",
        max_participants=report.get("max_participants", 0),
        euregios=sorted(euregios.values(), key=lambda r: r.name),
        regions=sorted(regions, key=lambda r: (r.parent == "", names.get(r.parent, ""), r.name)),
    )


def region_names() -> dict[str, str]:
    """Names of the NUTS-3 regions (by code) and of the Euregios (by slug)."""
    names = dict(NutsRegion.objects.filter(level=3).values_list("code", "name"))
    names.update(Euregio.objects.values_list("slug", "name"))
    return names


def public_period_of(period: PeriodFigures) -> PublicPeriod:
    return public_period(period.report, euregio_of=nuts3_euregios(), names=region_names())


def public_figures(*, run: NetworkRun | None = None) -> PublicFigures | None:
    """The public figures of every programme period of the current computation (None before the first)."""
    run = run or current_run()
    if run is None:
        return None
    euregio_of = nuts3_euregios()
    names = region_names()
    periods = [
        public_period(p.report, euregio_of=euregio_of, names=names)
        for p in run.periods.filter(kind="programme").order_by("first_year")
    ]
    return PublicFigures(run=run, periods=periods, sources=dict(run.sources))


def public_row_json(row: Row) -> dict[str, Any]:
    """A line as the API gives it: null for a hidden figure, and whether the whole group is hidden."""
    return {
        "key": row.key,
        "name": row.name,
        "organisations": row.shown(TOTAL),
        "phases": {p: row.shown(p) for p in PHASES},
        "fewer_than_minimum": row.values.get(TOTAL, 0) < MIN_GROUP,
    }
