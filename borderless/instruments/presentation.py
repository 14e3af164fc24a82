"""What the finder's pages show: rows, matches with their reasons, routes; plain values for templates."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from borderless.core.instruments import Link, Match, Outcome, Route, Status, Verdict
from borderless.core.quickscan.questionnaire import QUESTIONNAIRE
from borderless.i18n.translation import translate
from borderless.organisations.models import Organisation
from borderless.quickscan.models import Assessment, FollowerGroup

from .matching import Entry
from .models import Instrument
from .models import Status as InstrumentStatus

VERDICT_LABELS = {
    Verdict.FITS: gettext_lazy("Fits"),
    Verdict.MIGHT_FIT: gettext_lazy("Might fit"),
    Verdict.DOES_NOT_FIT: gettext_lazy("Does not fit"),
}
OUTCOME_LABELS = {
    Status.MET: gettext_lazy("met"),
    Status.NOT_MET: gettext_lazy("not met"),
    Status.UNKNOWN: gettext_lazy("not known"),
    Status.NEEDS_ACTION: gettext_lazy("to do"),
    Status.INFO: gettext_lazy("note"),
}
LINK_LABELS = {
    Link.EDIT_PROFILE: gettext_lazy("Complete your profile"),
    Link.TAKE_QUICKSCAN: gettext_lazy("Take the quickscan"),
    Link.FIND_PARTNER: gettext_lazy("Find a partner across the border"),
}
OTHER_COUNTRY = {"NL": "DE", "DE": "NL"}


def status_label(code: str) -> str:
    if not code:
        return _("Not known yet")
    return str(InstrumentStatus(code).label) if code in InstrumentStatus.values else code


def provider_label(instrument: Instrument) -> str:
    if instrument.provider_id is not None:
        return instrument.provider.name
    return instrument.provider_name or _("Not known yet")


def _amount(value: Decimal) -> str:
    places = 0 if value == value.to_integral_value() else 2
    return number_format(value, decimal_pos=places, use_l10n=True, force_grouping=True)


def funding_label(instrument: Instrument) -> str:
    """The amount range in words, or "not known yet" when neither end is known."""
    low, high, currency = instrument.min_amount, instrument.max_amount, instrument.currency or ""
    if low is not None and high is not None:
        if low == high:
            return _("%(amount)s %(currency)s") % {"amount": _amount(low), "currency": currency}
        return _("%(min)s to %(max)s %(currency)s") % {"min": _amount(low), "max": _amount(high), "currency": currency}
    if high is not None:
        return _("up to %(max)s %(currency)s") % {"max": _amount(high), "currency": currency}
    if low is not None:
        return _("from %(min)s %(currency)s") % {"min": _amount(low), "currency": currency}
    return _("not known yet")


def rate_label(instrument: Instrument) -> str:
    if instrument.rate_percent is None:
        return _("not known yet")
    return _("%(rate)s per cent of the eligible costs") % {"rate": _amount(instrument.rate_percent)}


@dataclass(frozen=True)
class Row:
    """One instrument in a list."""

    instrument: Instrument
    next_deadline: date | None

    @property
    def status(self) -> str:
        return status_label(self.instrument.status)

    @property
    def provider(self) -> str:
        return provider_label(self.instrument)

    @property
    def funding(self) -> str:
        return funding_label(self.instrument)


def rows(instruments: Iterable[Instrument], entries: dict[str, Entry]) -> list[Row]:
    return [Row(i, entries[i.identifier].next_deadline if i.identifier in entries else None) for i in instruments]


# --- matches and their reasons ---------------------------------------------------------------------


@dataclass(frozen=True)
class Reason:
    status: str  # the outcome's status: met, not_met, unknown, needs_action, info
    status_label: str
    text: str
    link_url: str
    link_label: str


@dataclass(frozen=True)
class MatchView:
    row: Row
    verdict: str
    verdict_label: str
    reasons: list[Reason]


@dataclass(frozen=True)
class Links:
    """Where the reasons' links lead for one organisation and viewer."""

    edit_profile: str
    take_quickscan: str
    find_partner: str

    @classmethod
    def for_organisation(cls, organisation: Organisation | None, *, can_edit: bool) -> Links:
        if organisation is None:
            return cls(edit_profile="", take_quickscan=reverse("quickscan:start"), find_partner=_directory(None))
        return cls(
            edit_profile=reverse("organisations:edit", args=[organisation.slug]) if can_edit else "",
            take_quickscan=reverse("quickscan:start") + "?" + urlencode({"organisation": organisation.slug}),
            find_partner=_directory(OTHER_COUNTRY.get(organisation.country)),
        )

    @classmethod
    def for_country(cls, country: str | None) -> Links:
        """For a profile without an organisation on the platform (the API's match of a sent profile)."""
        return cls(
            edit_profile="",
            take_quickscan=reverse("quickscan:start"),
            find_partner=_directory(OTHER_COUNTRY.get(country or "")),
        )

    def url(self, link: Link | None) -> str:
        return getattr(self, link.value, "") if link is not None else ""


def _directory(country: str | None) -> str:
    url = reverse("organisations:directory")
    return f"{url}?{urlencode({'country': country})}" if country else url


def reasons(outcomes: Iterable[Outcome], lang: str, links: Links | None = None) -> list[Reason]:
    found = []
    for outcome in outcomes:
        url = links.url(outcome.link) if links else ""
        found.append(
            Reason(
                status=outcome.status.value,
                status_label=str(OUTCOME_LABELS[outcome.status]),
                text=translate(outcome.reason, lang),
                link_url=url,
                link_label=str(LINK_LABELS[outcome.link]) if url and outcome.link else "",
            )
        )
    return found


def match_views(
    matches: Sequence[Match], instruments: dict[str, Instrument], lang: str, links: Links
) -> list[MatchView]:
    views = []
    for match in matches:
        instrument = instruments.get(match.id)
        if instrument is None:  # deleted since the catalogue snapshot was taken
            continue
        views.append(
            MatchView(
                row=Row(instrument, match.instrument.next_deadline),
                verdict=match.verdict.value,
                verdict_label=str(VERDICT_LABELS[match.verdict]),
                reasons=reasons(match.outcomes, lang, links),
            )
        )
    return views


@dataclass(frozen=True)
class DataUsed:
    """What the match of an organisation was based on, to be named on the page."""

    organisation: Organisation
    assessment_date: datetime | None
    stage: int | None
    stage_name: str
    follower_group: str


def data_used(organisation: Organisation, assessment: Assessment | None, lang: str) -> DataUsed:
    if assessment is None:
        return DataUsed(organisation, None, None, "", "")
    if assessment.stage:
        stage_name = translate(QUESTIONNAIRE.stage(assessment.stage).name, lang)
    else:  # stage 0: below the first acatech stage
        stage_name = _("not yet computerised")
    group = FollowerGroup(assessment.follower_group).label if assessment.follower_group else ""
    return DataUsed(organisation, assessment.completed_at, assessment.stage, stage_name, str(group))


# --- routes ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RouteStep:
    distance: int  # 1: directly before or after
    instruments: list[Instrument]


@dataclass(frozen=True)
class RouteView:
    before: list[RouteStep]  # the earliest first
    after: list[RouteStep]  # the nearest first

    def __bool__(self) -> bool:
        return bool(self.before or self.after)


def route_view(route: Route, instruments: dict[str, Instrument]) -> RouteView:
    def steps(levels) -> list[RouteStep]:
        return [
            RouteStep(distance, [instruments[i] for i in level if i in instruments])
            for distance, level in enumerate(levels, start=1)
        ]

    return RouteView(before=list(reversed(steps(route.before))), after=steps(route.after))
