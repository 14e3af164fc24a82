"""Criterion types about the organisation itself: kind, size, sector, age, partner, free text."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from borderless.core.i18n import Content, ListOf, Message
from borderless.core.organisations import SIZE_BANDS

from . import nace, texts
from .criteria_place import Choice, lower, upper
from .model import Context, Firm, Link, Outcome, Problem, Reference, Status
from .registry import CriterionType
from .schema import as_text, check_choices, check_int, check_keys, check_text, integer, strings

KINDS = frozenset(texts.KIND_NAMES)
SIZE_ORDER = tuple(band.size_class.value for band in SIZE_BANDS)
MAX_AGE_YEARS = 200


def render_all(template: Message, params: Mapping[str, object]) -> Message:
    """A template filled in, for a value that is itself shown inside a reason."""
    return template.bind(params)


class OrganisationKindCriterion(CriterionType):
    """params: {"kinds": ["company", "fieldlab"]}"""

    key = "organisation_kind"
    title = texts.TITLES[key]

    def validate(self, params: Mapping[str, object], reference: Reference) -> list[Problem]:
        return check_keys(params, required=["kinds"]) or check_choices(params, "kinds", KINDS, texts.WHAT_KIND, lower)

    def prepare(self, params: Mapping[str, object], reference: Reference) -> Choice:
        values = frozenset(lower(k) for k in strings(params, "kinds"))
        ordered = [name for kind, name in texts.KIND_NAMES.items() if kind in values]
        return Choice(values, texts.join_list(ordered))

    def evaluate(self, prepared: Choice, firm: Firm, context: Context) -> Outcome:
        if firm.kind is None:
            return self.outcome(Status.UNKNOWN, texts.KIND_UNKNOWN, {"allowed": prepared.allowed}, Link.EDIT_PROFILE)
        params = {"allowed": prepared.allowed, "kind": texts.KIND_NAMES.get(firm.kind, firm.kind)}
        if firm.kind in prepared.values:
            return self.outcome(Status.MET, texts.KIND_MET, params)
        return self.outcome(Status.NOT_MET, texts.KIND_NOT_MET, params)

    def describe(self, prepared: Choice, context: Context) -> Outcome:
        return self.outcome(Status.INFO, texts.KIND_DESCRIBE, {"allowed": prepared.allowed})


def size_range(classes: frozenset[str]) -> Message | ListOf:
    """The headcounts of these size classes in words: "up to 249 employees", "10 to 49 or 250 or more"."""
    runs: list[list[int]] = []
    for index, size_class in enumerate(SIZE_ORDER):
        if size_class in classes:
            if runs and runs[-1][-1] == index - 1:
                runs[-1].append(index)
            else:
                runs.append([index])
    pieces = []
    for run in runs:
        low, high = SIZE_BANDS[run[0]].min_employees, SIZE_BANDS[run[-1]].max_employees
        if high is None:
            pieces.append(render_all(texts.SIZE_FROM, {"min": low}))
        elif run[0] == 0:
            pieces.append(render_all(texts.SIZE_UP_TO, {"max": high}))
        else:
            pieces.append(render_all(texts.SIZE_BETWEEN, {"min": low, "max": high}))
    return texts.join_list(pieces, "or")


class SizeClassCriterion(CriterionType):
    """params: {"classes": ["micro", "small", "medium"]} (EU size classes by headcount)"""

    key = "size_class"
    title = texts.TITLES[key]

    def validate(self, params: Mapping[str, object], reference: Reference) -> list[Problem]:
        return check_keys(params, required=["classes"]) or check_choices(
            params, "classes", SIZE_ORDER, texts.WHAT_SIZE, lower
        )

    def prepare(self, params: Mapping[str, object], reference: Reference) -> Choice:
        values = frozenset(lower(c) for c in strings(params, "classes"))
        return Choice(values, size_range(values))

    def evaluate(self, prepared: Choice, firm: Firm, context: Context) -> Outcome:
        size = texts.SIZE_OF_FIRM.get(firm.size_class) if firm.size_class else None
        if size is None:
            return self.outcome(Status.UNKNOWN, texts.SIZE_UNKNOWN, {"allowed": prepared.allowed}, Link.EDIT_PROFILE)
        params = {"allowed": prepared.allowed, "size": size}
        if firm.size_class in prepared.values:
            return self.outcome(Status.MET, texts.SIZE_MET, params)
        return self.outcome(Status.NOT_MET, texts.SIZE_NOT_MET, params)

    def describe(self, prepared: Choice, context: Context) -> Outcome:
        return self.outcome(Status.INFO, texts.SIZE_DESCRIBE, {"allowed": prepared.allowed})


class SectorCriterion(CriterionType):
    """params: {"sections": ["C"], "divisions": ["62"]}: NACE Rev. 2, at least one of the two.

    A section stands for all its divisions; the firm's NACE code counts by its division.
    """

    key = "sector"
    title = texts.TITLES[key]

    def validate(self, params: Mapping[str, object], reference: Reference) -> list[Problem]:
        problems = check_keys(params, optional=["sections", "divisions"])
        if problems:
            return problems
        if params.get("sections") is None and params.get("divisions") is None:
            return check_keys(params, required=["divisions"])
        return check_choices(params, "sections", nace.SECTIONS, texts.WHAT_SECTION, upper) + check_choices(
            params, "divisions", nace.DIVISIONS, texts.WHAT_DIVISION
        )

    def prepare(self, params: Mapping[str, object], reference: Reference) -> Choice:
        sections = sorted({upper(s) for s in strings(params, "sections")})
        divisions = sorted({d.strip() for d in strings(params, "divisions")})
        values = frozenset(divisions).union(*(nace.SECTION_DIVISIONS[s] for s in sections))
        names = [texts.with_code(code, reference.sectors.get(code)) for code in [*sections, *divisions]]
        return Choice(values, texts.join_list(names))

    def evaluate(self, prepared: Choice, firm: Firm, context: Context) -> Outcome:
        division = nace.division_of(firm.sector)
        if division is None:
            return self.outcome(Status.UNKNOWN, texts.SECTOR_UNKNOWN, {"allowed": prepared.allowed}, Link.EDIT_PROFILE)
        params = {
            "allowed": prepared.allowed,
            "sector": texts.with_code(division, context.reference.sectors.get(division)),
        }
        if division in prepared.values:
            return self.outcome(Status.MET, texts.SECTOR_MET, params)
        return self.outcome(Status.NOT_MET, texts.SECTOR_NOT_MET, params)

    def describe(self, prepared: Choice, context: Context) -> Outcome:
        return self.outcome(Status.INFO, texts.SECTOR_DESCRIBE, {"allowed": prepared.allowed})


class CrossBorderPartnerCriterion(CriterionType):
    """params: {}: the instrument needs a partner across the border (Interreg: one Dutch, one German).

    A firm without a known partner can still apply once it has found one: "might fit", never
    "does not fit".
    """

    key = "cross_border_partner"
    title = texts.TITLES[key]
    ACROSS = {"NL": texts.IN_COUNTRY["DE"], "DE": texts.IN_COUNTRY["NL"]}

    def validate(self, params: Mapping[str, object], reference: Reference) -> list[Problem]:
        return check_keys(params)

    def prepare(self, params: Mapping[str, object], reference: Reference) -> None:
        return None

    def evaluate(self, prepared: None, firm: Firm, context: Context) -> Outcome:
        where = self.ACROSS.get(firm.country or "", texts.ACROSS_THE_BORDER)
        if firm.has_cross_border_partner:
            return self.outcome(Status.MET, texts.PARTNER_MET, {"where": where})
        text = texts.PARTNER_FIND if firm.has_cross_border_partner is False else texts.PARTNER_FIND_IF_NONE
        return self.outcome(Status.NEEDS_ACTION, text, {"where": where}, Link.FIND_PARTNER)

    def describe(self, prepared: None, context: Context) -> Outcome:
        return self.outcome(Status.INFO, texts.PARTNER_DESCRIBE)


class MaxFirmAgeCriterion(CriterionType):
    """params: {"years": 5}: founded at most this many calendar years before today's year."""

    key = "max_firm_age"
    title = texts.TITLES[key]

    def validate(self, params: Mapping[str, object], reference: Reference) -> list[Problem]:
        return check_keys(params, required=["years"]) or check_int(params, "years", 0, MAX_AGE_YEARS)

    def prepare(self, params: Mapping[str, object], reference: Reference) -> int:
        return integer(params, "years") or 0

    def evaluate(self, prepared: int, firm: Firm, context: Context) -> Outcome:
        since = context.today.year - prepared
        if firm.founded_year is None:
            return self.outcome(Status.UNKNOWN, texts.FOUNDED_UNKNOWN, {"since": since}, Link.EDIT_PROFILE)
        params = {"since": since, "founded": firm.founded_year}
        if firm.founded_year >= since:
            return self.outcome(Status.MET, texts.FOUNDED_MET, params)
        return self.outcome(Status.NOT_MET, texts.FOUNDED_NOT_MET, params)

    def describe(self, prepared: int, context: Context) -> Outcome:
        return self.outcome(Status.INFO, texts.FOUNDED_DESCRIBE, {"since": context.today.year - prepared})


@dataclass(frozen=True, slots=True)
class FreeTextPrepared:
    text: Content  # the editor's text, shown as it is


class FreeTextCriterion(CriterionType):
    """params: {"text": {"en": ..., "de": ..., "nl": ...}}: a condition shown to the reader, never checked."""

    key = "free_text"
    title = texts.TITLES[key]

    def validate(self, params: Mapping[str, object], reference: Reference) -> list[Problem]:
        return check_keys(params, required=["text"]) or check_text(params, "text")

    def prepare(self, params: Mapping[str, object], reference: Reference) -> FreeTextPrepared:
        return FreeTextPrepared(as_text(params["text"]))

    def evaluate(self, prepared: FreeTextPrepared, firm: Firm, context: Context) -> Outcome:
        return self.outcome(Status.INFO, prepared.text)

    def describe(self, prepared: FreeTextPrepared, context: Context) -> Outcome:
        return self.outcome(Status.INFO, prepared.text)
