"""The records the instrument finder works on: a firm's profile, instruments, outcomes and verdicts.

All of them are plain frozen dataclasses; the app builds them from the database and renders the
outcomes. Codes are plain strings (the StrEnums below are strings too), so values read from the
database or from JSON can be used as they are.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from borderless.core.i18n import Content, Message


class OrganisationKind(StrEnum):
    """The kinds of organisation on the platform (the values of the app's OrganisationKind)."""

    COMPANY = "company"
    KNOWLEDGE = "knowledge"
    INTERMEDIARY = "intermediary"
    AUTHORITY = "authority"
    FIELDLAB = "fieldlab"
    HUB = "hub"
    OTHER = "other"  # a chamber, an association, a foundation: none of the kinds above


class InstrumentStatus(StrEnum):
    OPEN = "open"
    FORTHCOMING = "forthcoming"
    CLOSED = "closed"
    # First-come first-served schemes run out of money before their deadline.
    BUDGET_EXHAUSTED = "budget_exhausted"


@dataclass(frozen=True, slots=True)
class Firm:
    """What the finder knows about an organisation; every field may be unknown (None).

    `euregio` is None both for a firm outside every Euregio and for one whose location is unknown;
    the Euregio criterion tells them apart by `nuts3`.
    """

    country: str | None = None  # "NL" or "DE"
    nuts3: str | None = None  # NUTS-3 code of the location, e.g. "NL213"
    in_programme_area: bool | None = None
    euregio: str | None = None  # slug, e.g. "euregio-rhein-waal"
    kind: str | None = None  # OrganisationKind value
    size_class: str | None = None  # SizeClass value
    sector: str | None = None  # NACE division "28" (a longer NACE code is cut to its division)
    founded_year: int | None = None
    follower_group: str | None = None  # FollowerGroup value, from the latest quickscan
    stage: int | None = None  # acatech stage 0..6, from the latest quickscan
    has_cross_border_partner: bool | None = None


@dataclass(frozen=True, slots=True)
class Criterion:
    """One eligibility condition as stored: the key of its type in the registry and its parameters.

    Parameters are JSON-like values (strings, numbers, lists, objects), as kept in the database or
    exchanged in imports; each criterion type checks and interprets its own.
    """

    type: str
    params: Mapping[str, object] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Instrument:
    """A support instrument as the matcher sees it; `id` is any hashable key (the database id)."""

    id: Hashable
    name: Content
    status: InstrumentStatus | str = InstrumentStatus.OPEN
    next_deadline: date | None = None
    criteria: tuple[Criterion, ...] = ()
    next_ids: tuple[Hashable, ...] = ()  # the natural next instruments (pathways)


@dataclass(frozen=True, slots=True)
class Reference:
    """Names the app knows, used to show codes with their names and to check region codes.

    `regions` maps NUTS codes of any level to their name ("NL213" -> "Twente"); NUTS names are
    written the same in every language. `sectors` maps NACE sections and divisions to their
    labels (`Content`, one text per language). Both may be empty: reasons then show the bare codes,
    and region codes are checked for their form only.
    """

    regions: Mapping[str, str] = field(default_factory=dict)
    sectors: Mapping[str, Content] = field(default_factory=dict)


EMPTY_REFERENCE = Reference()


@dataclass(frozen=True, slots=True)
class Context:
    """What a match needs besides the firm: the date (ages, deadlines) and the reference names."""

    today: date
    reference: Reference = EMPTY_REFERENCE


class Status(StrEnum):
    """How one criterion applies to one firm."""

    MET = "met"
    NOT_MET = "not_met"
    UNKNOWN = "unknown"  # the profile lacks the fact the criterion needs
    NEEDS_ACTION = "needs_action"  # not met yet, but the firm can meet it (find a partner across the border)
    INFO = "info"  # shown, never evaluated (free text, technology readiness)


class Link(StrEnum):
    """Where the app can send the reader to act on a reason."""

    EDIT_PROFILE = "edit_profile"
    TAKE_QUICKSCAN = "take_quickscan"
    FIND_PARTNER = "find_partner"


@dataclass(frozen=True, slots=True)
class Outcome:
    """The result of one criterion for one firm, with its reason as a template and its parameters.

    The reason is rendered only when shown: matching 10,000 instruments formats no strings.
    """

    key: str  # the criterion type
    status: Status
    text: Message | Content  # template with %(name)s placeholders, or an editor's text shown as it is
    params: Mapping[str, object] = field(default_factory=dict)
    link: Link | None = None

    @property
    def reason(self) -> Message | Content:
        """The reason with its parameters bound, for the app to translate."""
        return self.text.bind(self.params) if isinstance(self.text, Message) else self.text


class Verdict(StrEnum):
    FITS = "fits"
    MIGHT_FIT = "might_fit"
    DOES_NOT_FIT = "does_not_fit"


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong with the parameters of a criterion or a pathway, in the editor's language.

    `param` names the parameter ("min", "codes"); `index` is the position of the criterion in its
    instrument when a whole list was checked.
    """

    code: str  # "min_above_max", "bad_code", "unknown_type", ...
    text: Message
    params: Mapping[str, object] = field(default_factory=dict)
    param: str = ""
    index: int | None = None

    @property
    def message(self) -> Message:
        """The text with its parameters bound, for the app to translate."""
        return self.text.bind(self.params)
