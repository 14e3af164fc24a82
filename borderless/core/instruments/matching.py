"""Matching a firm against instruments, and ranking the result.

A verdict follows from the outcomes of an instrument's criteria:

- does not fit: at least one criterion is not met;
- might fit: none is unmet, but the profile lacks a fact some criterion needs, or the firm still
  has something to do (find a partner across the border);
- fits: every criterion is met or only informs. An instrument without criteria fits everyone.

Ranking: verdict (fits, might fit, does not fit), then status (open, then forthcoming, then
closed and budget exhausted alike), then the nearest upcoming deadline (instruments without one,
or whose deadline has passed, after those with one), then the name in the reader's language.

`Catalogue` compiles the criteria of many instruments once and shares identical criteria, so a
match evaluates each distinct criterion once per firm and formats no text.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Hashable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date

from borderless.core.i18n import render

from .builtin import REGISTRY
from .model import (
    EMPTY_REFERENCE,
    Context,
    Criterion,
    Firm,
    Instrument,
    InstrumentStatus,
    Outcome,
    Problem,
    Reference,
    Status,
    Verdict,
)
from .registry import Compiled, Registry

VERDICT_RANK = {Verdict.FITS: 0, Verdict.MIGHT_FIT: 1, Verdict.DOES_NOT_FIT: 2}
STATUS_RANK: dict[str, int] = {
    InstrumentStatus.OPEN: 0,
    InstrumentStatus.FORTHCOMING: 1,
    # Not known yet (a seed entry still to be verified): it may well be open, so before closed ones.
    "": 2,
    InstrumentStatus.CLOSED: 3,
    InstrumentStatus.BUDGET_EXHAUSTED: 3,
}
UNRANKED_STATUS = 4  # a status this version does not know sorts last
DAYS = date.max.toordinal() + 1  # more than any date's ordinal


@dataclass(frozen=True, slots=True)
class Match:
    """How one instrument fits one firm: the verdict and the outcome of each criterion, in order."""

    instrument: Instrument
    verdict: Verdict
    outcomes: tuple[Outcome, ...]

    @property
    def id(self) -> Hashable:
        return self.instrument.id


# How far an outcome keeps an instrument from fitting; the worst one decides the verdict.
SEVERITY: dict[Status, int] = {
    Status.MET: 0,
    Status.INFO: 0,
    Status.UNKNOWN: 1,
    Status.NEEDS_ACTION: 1,
    Status.NOT_MET: 2,
}
VERDICTS = (Verdict.FITS, Verdict.MIGHT_FIT, Verdict.DOES_NOT_FIT)  # by severity


def verdict_of(outcomes: Iterable[Outcome]) -> Verdict:
    return VERDICTS[max((SEVERITY[outcome.status] for outcome in outcomes), default=0)]


def sort_name(text: str) -> str:
    """A name for sorting: case and accents ignored, so "Ökonomie" sorts with "Oekraine", not after "Z"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def rank_key(match: Match, today: date, lang: str | None = None) -> tuple[object, ...]:
    instrument = match.instrument
    deadline = instrument.next_deadline
    upcoming = deadline is not None and deadline >= today
    return (
        VERDICT_RANK[match.verdict],
        STATUS_RANK.get(instrument.status, UNRANKED_STATUS),
        0 if upcoming else 1,
        deadline.toordinal() if upcoming and deadline is not None else 0,
        sort_name(render(instrument.name, None, lang)),
        str(instrument.id),
    )


def rank(matches: Iterable[Match], today: date, lang: str | None = None) -> list[Match]:
    """The matches in the order the finder shows them (see the module docstring)."""
    return sorted(matches, key=lambda match: rank_key(match, today, lang))


class Catalogue:
    """Instruments with their criteria compiled once, ready to be matched against many firms.

    Equal criteria of different instruments share one compiled criterion, evaluated once per
    match. Raises InvalidCriterion or UnknownCriterionType when a criterion does not pass its
    check: criteria are checked when saved or imported, so that is a programming error here.
    Build it with the same reference as the contexts it will be matched in.
    """

    def __init__(
        self,
        instruments: Iterable[Instrument],
        *,
        registry: Registry = REGISTRY,
        reference: Reference = EMPTY_REFERENCE,
    ) -> None:
        by_params: dict[tuple[str, str], Compiled] = {}
        by_prepared: dict[tuple[str, Hashable], Compiled] = {}
        distinct: dict[int, Compiled] = {}
        self._entries: list[tuple[Instrument, tuple[Compiled, ...]]] = []
        self._index: dict[Hashable, int] = {}
        for instrument in instruments:
            if instrument.id in self._index:
                raise ValueError(f"instrument {instrument.id!r} appears twice")
            compiled = []
            for criterion in instrument.criteria:
                one = self._compile(criterion, registry, reference, by_params, by_prepared)
                distinct.setdefault(id(one), one)
                compiled.append(one)
            self._index[instrument.id] = len(self._entries)
            self._entries.append((instrument, tuple(compiled)))
        self._distinct = tuple(distinct.values())
        # The parts of the ranking that do not depend on the firm, per instrument; the name order
        # per language is worked out when first needed.
        self._statuses = [STATUS_RANK.get(instrument.status, UNRANKED_STATUS) for instrument, _ in self._entries]
        self._deadlines = [
            instrument.next_deadline.toordinal() if instrument.next_deadline else None
            for instrument, _ in self._entries
        ]
        self._name_ranks: dict[str, list[int]] = {}

    @staticmethod
    def _compile(
        criterion: Criterion,
        registry: Registry,
        reference: Reference,
        by_params: dict[tuple[str, str], Compiled],
        by_prepared: dict[tuple[str, Hashable], Compiled],
    ) -> Compiled:
        # The repr of JSON-like parameters is a cheap key that keeps types apart ({"min": True} is
        # not the {"min": 1} checked before it); equal values in another order meet in by_prepared.
        key = (criterion.type, repr(criterion.params))
        found = by_params.get(key)
        if found is not None:
            return found
        one = registry.compile(criterion, reference)
        try:
            one = by_prepared.setdefault((criterion.type, one.prepared), one)  # ["NL", "DE"] == ["DE", "NL"]
        except TypeError:
            pass
        by_params[key] = one
        return one

    @property
    def distinct_criteria(self) -> int:
        return len(self._distinct)

    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self) -> Iterator[Instrument]:
        return (instrument for instrument, _ in self._entries)

    def __contains__(self, instrument_id: object) -> bool:
        return instrument_id in self._index

    def get(self, instrument_id: Hashable) -> Instrument:
        return self._entries[self._index[instrument_id]][0]

    def _name_rank(self, lang: str | None) -> list[int]:
        """Each instrument's place in the order by name (then id) in this language."""
        code = lang or ""
        if code not in self._name_ranks:
            keys = [
                (sort_name(render(instrument.name, None, lang)), str(instrument.id)) for instrument, _ in self._entries
            ]
            ranks = [0] * len(keys)
            for place, position in enumerate(sorted(range(len(keys)), key=keys.__getitem__)):
                ranks[position] = place
            self._name_ranks[code] = ranks
        return self._name_ranks[code]

    def match(
        self,
        firm: Firm,
        context: Context,
        *,
        lang: str | None = None,
        ids: Iterable[Hashable] | None = None,
    ) -> list[Match]:
        """Every instrument (or those with the given ids) matched against the firm, ranked as `rank` does."""
        if ids is None:
            positions: Iterable[int] = range(len(self._entries))
            needed: Iterable[Compiled] = self._distinct
        else:
            positions = [self._index[i] for i in dict.fromkeys(ids)]
            needed = {id(c): c for p in positions for c in self._entries[p][1]}.values()
        outcome_of = {c: c.ctype.evaluate(c.prepared, firm, context) for c in needed}
        severity_of = {c: SEVERITY[outcome.status] for c, outcome in outcome_of.items()}
        today = context.today.toordinal()
        name_rank = self._name_rank(lang)
        count = len(self._entries)
        matches, keys = [], []
        for position in positions:
            instrument, compiled = self._entries[position]
            severity = max(map(severity_of.__getitem__, compiled), default=0)
            matches.append(Match(instrument, VERDICTS[severity], tuple(map(outcome_of.__getitem__, compiled))))
            # One integer per instrument, in the order of rank_key: verdict, status, has an upcoming
            # deadline, the deadline, the name. Sorting integers is what makes 10,000 cheap.
            deadline = self._deadlines[position]
            upcoming = deadline is not None and deadline >= today
            head = (severity * 4 + self._statuses[position]) * 2 + (0 if upcoming else 1)
            day = deadline if upcoming and deadline is not None else 0
            keys.append((head * DAYS + day) * count + name_rank[position])
        order = sorted(range(len(matches)), key=keys.__getitem__)
        return [matches[i] for i in order]

    def match_one(self, instrument_id: Hashable, firm: Firm, context: Context) -> Match:
        instrument, compiled = self._entries[self._index[instrument_id]]
        outcomes = tuple(criterion.evaluate(firm, context) for criterion in compiled)
        return Match(instrument, verdict_of(outcomes), outcomes)

    def describe(self, instrument_id: Hashable, context: Context) -> tuple[Outcome, ...]:
        """What the instrument asks for, criterion by criterion, without a firm (all INFO)."""
        _, compiled = self._entries[self._index[instrument_id]]
        return tuple(criterion.describe(context) for criterion in compiled)


def match_instrument(
    instrument: Instrument,
    firm: Firm,
    context: Context,
    *,
    registry: Registry = REGISTRY,
) -> Match:
    """One instrument against one firm (compiles its criteria each time; use a Catalogue for many)."""
    return Catalogue([instrument], registry=registry, reference=context.reference).match_one(
        instrument.id, firm, context
    )


def match_all(
    instruments: Iterable[Instrument],
    firm: Firm,
    context: Context,
    *,
    registry: Registry = REGISTRY,
    lang: str | None = None,
) -> list[Match]:
    """All instruments against one firm, ranked."""
    return Catalogue(instruments, registry=registry, reference=context.reference).match(firm, context, lang=lang)


def validate_criteria(
    criteria: Sequence[Criterion],
    *,
    registry: Registry = REGISTRY,
    reference: Reference = EMPTY_REFERENCE,
) -> list[Problem]:
    """Everything wrong with a list of criteria, each problem marked with its criterion's position."""
    return [
        replace(found, index=index)
        for index, criterion in enumerate(criteria)
        for found in registry.validate(criterion, reference)
    ]
