"""Progress over time: a firm's history of quickscans, and an advisor's clients."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone, translation
from django.utils.formats import number_format
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from borderless.core.quickscan.groups import FollowerGroup
from borderless.core.quickscan.questionnaire import QUESTIONNAIRE
from borderless.core.quickscan.scoring import Band
from borderless.i18n.translation import translate

from .. import charts
from ..models import Assessment
from ..selectors import ClientProgress

Q = QUESTIONNAIRE

# --- history ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Change:
    """Differences between two assessments: overall and D1..D6 in points, stage in stages."""

    overall: float
    dimensions: tuple[float, ...]
    stage: int
    group_from: str
    group_to: str

    @property
    def group_changed(self) -> bool:
        return self.group_from != self.group_to

    @property
    def overall_text(self) -> str:
        return signed(self.overall)

    @property
    def dimension_texts(self) -> tuple[str, ...]:
        return tuple(signed(value) for value in self.dimensions)

    @property
    def stage_text(self) -> str:
        return signed(self.stage, 0)


def signed(value: float, decimals: int = 1) -> str:
    """A change with its sign, in the active language's number format: "+3.5", "−2.0", "±0.0"."""
    rounded = round(value, decimals)
    sign = "+" if rounded > 0 else "−" if rounded < 0 else "±"
    return sign + number_format(abs(rounded), decimals)


@dataclass(frozen=True)
class HistoryRow:
    public_id: str
    completed_at: datetime
    overall: float
    band: str
    dimensions: tuple[float, ...]
    stage: int
    group: str
    since_previous: Change | None
    since_first: Change | None

    @property
    def dimension_cells(self) -> tuple[tuple[float, str], ...]:
        """Each dimension's score with its change since the previous quickscan ("" for the first)."""
        deltas = self.since_previous.dimension_texts if self.since_previous else ("",) * len(self.dimensions)
        return tuple(zip(self.dimensions, deltas, strict=True))


@dataclass(frozen=True)
class HistoryView:
    rows: tuple[HistoryRow, ...]  # oldest first
    dimension_titles: tuple[tuple[str, str], ...]  # (id, title)
    since_first: Change | None  # latest against first
    chart: SafeString | None


def _group_title(value: str, lang: str) -> str:
    return translate(FollowerGroup(value).title, lang) if value in {g.value for g in FollowerGroup} else value


def _change(old: Assessment, new: Assessment, lang: str) -> Change:
    return Change(
        overall=new.overall - old.overall,
        dimensions=tuple(getattr(new, f) - getattr(old, f) for f in Assessment.DIMENSIONS),
        stage=new.stage - old.stage,
        group_from=_group_title(old.follower_group, lang),
        group_to=_group_title(new.follower_group, lang),
    )


def history_view(assessments: Sequence[Assessment], *, lang: str) -> HistoryView:
    """Every completed assessment of a firm, oldest first, with the change since the first and the previous."""
    with translation.override(lang):
        rows = []
        for i, assessment in enumerate(assessments):
            rows.append(
                HistoryRow(
                    public_id=str(assessment.public_id),
                    completed_at=assessment.completed_at,
                    overall=assessment.overall,
                    band=translate(Band(assessment.band).title, lang),
                    dimensions=tuple(getattr(assessment, f) for f in Assessment.DIMENSIONS),
                    stage=assessment.stage,
                    group=_group_title(assessment.follower_group, lang),
                    since_previous=_change(assessments[i - 1], assessment, lang) if i else None,
                    since_first=_change(assessments[0], assessment, lang) if i else None,
                )
            )
        titles = tuple((d.id, translate(d.title, lang)) for d in Q.dimensions)
        chart = None
        if rows:
            first, latest = rows[0], rows[-1]
            series = [charts.Series(_("Latest (%(date)s)") % {"date": _date(latest)}, latest.dimensions)]
            if len(rows) > 1:
                series.insert(
                    0,
                    charts.Series(_("First (%(date)s)") % {"date": _date(first)}, first.dimensions, "series-first"),
                )
            chart = charts.radar_svg(
                title=_("Scores of the six dimensions: first and latest quickscan"),
                axes=[title for _id, title in titles],
                series=series,
            )
        return HistoryView(
            rows=tuple(rows),
            dimension_titles=titles,
            since_first=rows[-1].since_first if len(rows) > 1 else None,
            chart=chart,
        )


def _date(row: HistoryRow) -> str:
    return timezone.localdate(row.completed_at).isoformat()


# --- an advisor's clients -----------------------------------------------------------------------


@dataclass(frozen=True)
class ClientRow:
    name: str
    slug: str
    count: int
    latest_public_id: str
    latest_completed_at: datetime | None
    overall: float | None
    stage: int | None
    group: str
    overall_change: str  # since the first quickscan; "" with fewer than two
    stage_change: str


def client_rows(progress: Sequence[ClientProgress], *, lang: str) -> tuple[ClientRow, ...]:
    with translation.override(lang):
        return tuple(
            ClientRow(
                name=p.organisation.name,
                slug=p.organisation.slug,
                count=p.count,
                latest_public_id=str(p.latest.public_id) if p.latest else "",
                latest_completed_at=p.latest.completed_at if p.latest else None,
                overall=p.latest.overall if p.latest else None,
                stage=p.latest.stage if p.latest else None,
                group=_group_title(p.latest.follower_group, lang) if p.latest else "",
                overall_change="" if p.overall_change is None else signed(p.overall_change),
                stage_change="" if p.stage_change is None else signed(p.stage_change, 0),
            )
            for p in progress
        )
