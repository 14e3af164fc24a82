"""Patterns of growing cross-border cooperation, found where they occur in projects and their start dates.

The strategy documents three ways in which Digipro's temporary project networks grew: a pair of
partners that takes on a third, an organisation that acts as "ambassador" for its partner across the
border, and an intermediary whose introductions turn into projects.

Words as used here. Two organisations *work together* when they share a project with at most
`max_participants` participants: the tie of `ties.py`, with the same cut, so a large consortium makes
no ties. *Before* a project means in a project that started on an earlier day; two projects that
start on the same day are simultaneous, and neither comes before the other.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from itertools import combinations, groupby
from typing import Literal

from borderless.core.i18n import N_, Message, _
from borderless.core.network.periods import Period
from borderless.core.network.ties import DE, DEFAULT_MAX_PARTICIPANTS, NL, Participation

PatternCode = Literal["dyad_adds_third", "ambassador", "introduction_became_project"]
MIN_INTRODUCED = 2

PATTERN_TITLES: Mapping[PatternCode, Message] = {
    "dyad_adds_third": _("A pair adds a third partner"),
    "ambassador": _("Ambassador"),
    "introduction_became_project": _("Introduction that became a project"),
}

# The ambassador's definition is a plural: bind n, the least number of organisations introduced
# (`pattern_definition` does).
PATTERN_DEFINITIONS: Mapping[PatternCode, Message] = {
    "dyad_adds_third": _(
        "Two organisations that have worked together start a later project with at least one "
        "organisation that neither of them has worked with before."
    ),
    "ambassador": N_(
        "A Dutch or German organisation brings a partner from the other side of the border, with whom "
        "it has worked before, into projects with at least %(n)s other organisation from its own "
        "country that the partner had not worked with before.",
        "A Dutch or German organisation brings a partner from the other side of the border, with whom "
        "it has worked before, into projects with at least %(n)s other organisations from its own "
        "country that the partner had not worked with before.",
    ),
    "introduction_became_project": _(
        "An intermediary introduced two organisations to each other, and after the introduction they "
        "started a project together."
    ),
}

# Bind max_participants.
TIE_RULE = _("Only projects with at most %(max_participants)s participants count as working together.")


def pattern_definition(code: PatternCode, *, min_introduced: int = MIN_INTRODUCED) -> Message:
    """The definition of a pattern for a page, ready to render."""
    message = PATTERN_DEFINITIONS[code]
    return message.bind(n=min_introduced) if code == "ambassador" else message


@dataclass(frozen=True, slots=True)
class _Project:
    start: datetime.date
    key: str
    members: tuple[str, ...]


def _projects(
    participations: Iterable[Participation], starts: Mapping[str, datetime.date], max_participants: int
) -> list[_Project]:
    """The projects that make ties, in start order (then by key). A project without a start date is a
    KeyError, as in `tie_graph`."""
    members: dict[str, set[str]] = defaultdict(set)
    for participation in participations:
        members[participation.project].add(participation.organisation)
    projects = [
        _Project(starts[key], key, tuple(sorted(orgs)))
        for key, orgs in members.items()
        if len(orgs) <= max_participants
    ]
    projects.sort(key=lambda p: (p.start, p.key))
    return projects


def _by_day(projects: list[_Project]) -> Iterable[tuple[datetime.date, list[_Project]]]:
    for day, group in groupby(projects, key=lambda p: p.start):
        yield day, list(group)


class _History:
    """Who has worked with whom so far, and the first project of each (sorted) pair."""

    def __init__(self) -> None:
        self.partners: dict[str, set[str]] = defaultdict(set)
        self.first: dict[tuple[str, str], _Project] = {}

    def tied(self, a: str, b: str) -> bool:
        return b in self.partners.get(a, ())

    def add(self, projects: Iterable[_Project]) -> None:
        for project in projects:
            for a, b in combinations(project.members, 2):
                self.partners[a].add(b)
                self.partners[b].add(a)
                self.first.setdefault((a, b), project)


def _pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a < b else (b, a)


def _in(period: Period | None, day: datetime.date) -> bool:
    return period is None or period.contains(day)


@dataclass(frozen=True, slots=True)
class DyadAddsThird:
    """A pair adds a third partner: two organisations that have worked together (first in
    `first_project`, started on `first_date`) start a later project, `later_project` on `date`, with
    `third_partners`, organisations that neither of the two had worked with before.

    `pair` is sorted; `cross_border` says whether it is one Dutch and one German organisation.
    """

    pair: tuple[str, str]
    first_project: str
    first_date: datetime.date
    later_project: str
    date: datetime.date
    third_partners: tuple[str, ...]
    cross_border: bool


def dyads_adding_a_third(
    participations: Iterable[Participation],
    starts: Mapping[str, datetime.date],
    countries: Mapping[str, str],
    *,
    max_participants: int = DEFAULT_MAX_PARTICIPANTS,
    period: Period | None = None,
) -> tuple[DyadAddsThird, ...]:
    """Every pair that adds a third partner, once per later project, ordered by the later project's
    start, then its key, then the pair. With `period`, only later projects that started in it are
    listed; who worked with whom before counts from all of the data.
    """
    found = []
    history = _History()
    for day, group in _by_day(_projects(participations, starts, max_participants)):
        if _in(period, day):
            for project in group:
                for a, b in combinations(project.members, 2):
                    if not history.tied(a, b):
                        continue
                    thirds = tuple(
                        z
                        for z in project.members
                        if z not in (a, b) and not history.tied(a, z) and not history.tied(b, z)
                    )
                    if thirds:
                        first = history.first[(a, b)]
                        found.append(
                            DyadAddsThird(
                                pair=(a, b),
                                first_project=first.key,
                                first_date=first.start,
                                later_project=project.key,
                                date=day,
                                third_partners=thirds,
                                cross_border={countries.get(a), countries.get(b)} == {NL, DE},
                            )
                        )
        history.add(group)
    return tuple(found)


@dataclass(frozen=True, slots=True)
class Ambassador:
    """An ambassador: a Dutch or German organisation (`ambassador`, of `country`) that brings its
    partner from the other side of the border (`partner`, of `partner_country`; they have worked
    together since `tied_since`) into `projects` with `count` other organisations of its own country
    that the partner had not worked with before (`introduced`).

    The introduced organisations are counted across all the projects, each once; `projects` are those
    in which the partner met at least one of them, in start order, the first on `first_date`.
    """

    ambassador: str
    country: str
    partner: str
    partner_country: str
    tied_since: datetime.date
    projects: tuple[str, ...]
    introduced: tuple[str, ...]
    count: int
    first_date: datetime.date


@dataclass
class _Introductions:
    projects: list[_Project] = field(default_factory=list)
    introduced: set[str] = field(default_factory=set)


def ambassadors(
    participations: Iterable[Participation],
    starts: Mapping[str, datetime.date],
    countries: Mapping[str, str],
    *,
    min_introduced: int = MIN_INTRODUCED,
    max_participants: int = DEFAULT_MAX_PARTICIPANTS,
    period: Period | None = None,
) -> tuple[Ambassador, ...]:
    """Every ambassador and partner with at least `min_introduced` organisations introduced, ordered by
    the first project in which the partner met one of them, then ambassador and partner. With
    `period`, only projects that started in it introduce; earlier work together counts from all data.
    """
    if min_introduced < 1:
        raise ValueError("min_introduced must be at least 1")
    other_side = {NL: DE, DE: NL}
    found: dict[tuple[str, str], _Introductions] = defaultdict(_Introductions)
    history = _History()
    for day, group in _by_day(_projects(participations, starts, max_participants)):
        if _in(period, day):
            for project in group:
                for ambassador in project.members:
                    country = countries.get(ambassador)
                    if country not in other_side:
                        continue
                    for partner in project.members:
                        if countries.get(partner) != other_side[country] or not history.tied(ambassador, partner):
                            continue
                        new = {
                            org
                            for org in project.members
                            if org != ambassador and countries.get(org) == country and not history.tied(partner, org)
                        }
                        if new:
                            entry = found[(ambassador, partner)]
                            entry.projects.append(project)
                            entry.introduced |= new
        history.add(group)
    result = [
        Ambassador(
            ambassador=ambassador,
            country=countries[ambassador],
            partner=partner,
            partner_country=countries[partner],
            tied_since=history.first[_pair(ambassador, partner)].start,
            projects=tuple(p.key for p in entry.projects),
            introduced=tuple(sorted(entry.introduced)),
            count=len(entry.introduced),
            first_date=entry.projects[0].start,
        )
        for (ambassador, partner), entry in found.items()
        if len(entry.introduced) >= min_introduced
    ]
    result.sort(key=lambda a: (a.first_date, a.ambassador, a.partner))
    return tuple(result)


@dataclass(frozen=True, slots=True)
class Introduction:
    """`introducer`, an intermediary, introduced organisation `a` to organisation `b` on `date`."""

    introducer: str
    a: str
    b: str
    date: datetime.date


@dataclass(frozen=True, slots=True)
class IntroductionProject:
    """An introduction that became a project: `a` and `b`, introduced by `introducer` on
    `introduced_on`, started `project` together on `project_start`, `days` days later (their first
    project after the introduction). `worked_together_before` says whether they had already shared a
    project that started on or before the day of the introduction.
    """

    introducer: str
    a: str
    b: str
    introduced_on: datetime.date
    project: str
    project_start: datetime.date
    days: int
    worked_together_before: bool


@dataclass(frozen=True, slots=True)
class IntroducerRecord:
    """How many introductions an intermediary made and how many of them became projects."""

    introducer: str
    introductions: int
    became_projects: int


@dataclass(frozen=True, slots=True)
class IntroductionOutcomes:
    """The introductions that became projects, by introduction date, and a record per introducer,
    by introducer (every introducer is listed, also one whose introductions did not become projects)."""

    projects: tuple[IntroductionProject, ...]
    introducers: tuple[IntroducerRecord, ...]


def introductions_that_became_projects(
    introductions: Iterable[Introduction],
    participations: Iterable[Participation],
    starts: Mapping[str, datetime.date],
    *,
    max_participants: int = DEFAULT_MAX_PARTICIPANTS,
    period: Period | None = None,
) -> IntroductionOutcomes:
    """Follow each introduction to the first project its two organisations started together after it.

    A repeated introduction (same introducer, organisations and day) counts once. With `period`, only
    introductions made in it are followed; the project may start later. Raises ValueError for an
    introduction of an organisation to itself and TypeError for a datetime instead of a day.
    """
    projects_of: dict[str, list[_Project]] = defaultdict(list)
    for project in _projects(participations, starts, max_participants):
        for org in project.members:
            projects_of[org].append(project)
    found = []
    made: dict[str, int] = defaultdict(int)
    became: dict[str, int] = defaultdict(int)
    for intro in sorted(set(introductions), key=lambda i: (i.date, i.introducer, i.a, i.b)):
        if isinstance(intro.date, datetime.datetime):
            raise TypeError("an introduction's date is a day: the service picks it in the region's time zone")
        if intro.a == intro.b:
            raise ValueError(f"{intro.introducer!r} introduced {intro.a!r} to itself")
        if not _in(period, intro.date):
            continue
        made[intro.introducer] += 1
        with_b = {p.key for p in projects_of.get(intro.b, ())}
        shared = [p for p in projects_of.get(intro.a, ()) if p.key in with_b]
        after = [p for p in shared if p.start > intro.date]
        if not after:
            continue
        became[intro.introducer] += 1
        project = after[0]
        found.append(
            IntroductionProject(
                introducer=intro.introducer,
                a=intro.a,
                b=intro.b,
                introduced_on=intro.date,
                project=project.key,
                project_start=project.start,
                days=(project.start - intro.date).days,
                worked_together_before=any(p.start <= intro.date for p in shared),
            )
        )
    records = tuple(IntroducerRecord(who, made[who], became[who]) for who in sorted(made))
    return IntroductionOutcomes(tuple(found), records)
