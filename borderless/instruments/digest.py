"""E-mail digests of saved searches: what is new or changed, and which deadlines come near.

For each saved search with alerts on, a digest lists

- the instruments the search finds now that it did not find before (new), or whose entry was saved
  since the last digest (changed); "before" is what the search found when it was saved or when the
  last digest was sent (`SavedSearch.last_seen`);
- the calls of the instruments it finds that close within the next 30 days and were not yet that
  near when the last digest was sent, so each deadline is announced once (the first digest
  announces every deadline within 30 days).

Nothing is sent when there is nothing to tell. The e-mail is written in the recipient's language.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from urllib.parse import urlencode

from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from borderless.i18n.translation import language_of, translate
from borderless.quickscan.selectors import quickscan_organisations

from . import presentation, saved_searches
from .forms import FinderForm
from .matching import Entry, Snapshot, snapshot
from .models import Call, Instrument, SavedSearch
from .selectors import instruments_in_order, region_options, saved_search_entries

logger = logging.getLogger(__name__)

DEADLINE_WINDOW_DAYS = 30


@dataclass
class Digest:
    saved: SavedSearch
    new: list[Entry] = field(default_factory=list)
    changed: list[Entry] = field(default_factory=list)
    deadlines: list[tuple[Entry, Call]] = field(default_factory=list)
    seen: dict[str, str] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.new or self.changed or self.deadlines)

    @property
    def count(self) -> int:
        return len(self.new) + len(self.changed) + len(self.deadlines)


@dataclass
class DigestReport:
    searches: int = 0
    sent: int = 0
    nothing_new: int = 0
    skipped: list[str] = field(default_factory=list)


def digest_build(
    *, saved: SavedSearch, current: Snapshot, today: date, region_options: list[tuple[str, str]] | None = None
) -> Digest | None:
    """The digest of one saved search; None when its query no longer holds (it is then skipped)."""
    query = dict(saved.query)
    slug = query.pop(saved_searches.ORGANISATION_KEY, "")
    form = FinderForm(query, region_options=region_options)
    if not form.is_valid():
        return None
    organisation = None
    if slug:
        organisation = next((o for o in quickscan_organisations(user=saved.user) if o.slug == slug), None)
        if organisation is None:  # no longer a member
            return None
    lang = language_of(saved.user)
    entries = saved_search_entries(filters=form.filters(), organisation=organisation, lang=lang, current=current)
    seen = saved_searches.seen_of(entries)
    before = saved.last_seen or {}
    digest = Digest(saved=saved, seen=seen)
    for entry in entries:
        if entry.identifier not in before:
            digest.new.append(entry)
        elif before[entry.identifier] != seen[entry.identifier]:
            digest.changed.append(entry)

    horizon = today + timedelta(days=DEADLINE_WINDOW_DAYS)
    # A deadline that was already within the window at the last digest has been announced then.
    announced_until = (
        timezone.localdate(saved.last_sent_at) + timedelta(days=DEADLINE_WINDOW_DAYS) if saved.last_sent_at else None
    )
    by_pk = {entry.pk: entry for entry in entries}
    calls = Call.objects.filter(instrument_id__in=list(by_pk), closes_on__gte=today, closes_on__lte=horizon)
    if announced_until is not None:
        calls = calls.filter(closes_on__gt=announced_until)
    for call in calls.order_by("closes_on", "pk"):
        digest.deadlines.append((by_pk[call.instrument_id], call))
    return digest


def _absolute(base_url: str, path: str) -> str:
    return base_url.rstrip("/") + path


def digest_send(*, digest: Digest, base_url: str, sent_at: datetime) -> None:
    """Write the digest in the recipient's language, send it, and remember what it told."""
    saved = digest.saved
    user = saved.user
    with translation.override(language_of(user)):
        identifiers = [e.identifier for e in digest.new + digest.changed] + [e.identifier for e, _ in digest.deadlines]
        instruments: dict[str, Instrument] = {i.identifier: i for i in instruments_in_order(identifiers=identifiers)}

        def item(entry: Entry) -> dict:
            instrument = instruments.get(entry.identifier)
            return {
                "name": translate(entry.name),
                "status": presentation.status_label(entry.status),
                "deadline": entry.next_deadline,
                "funding": presentation.funding_label(instrument) if instrument else "",
                "url": _absolute(base_url, reverse("instruments:detail", args=[entry.identifier])),
            }

        query = dict(saved.query)
        slug = query.pop(saved_searches.ORGANISATION_KEY, "")
        if slug:
            search_url = reverse("instruments:mine") + "?" + urlencode({"organisation": slug, **query})
        else:
            search_url = reverse("instruments:finder") + ("?" + urlencode(query) if query else "")
        context = {
            "user": user,
            "saved": saved,
            "count": digest.count,
            "since": saved.last_sent_at or saved.created_at,
            "new": [item(e) for e in digest.new],
            "changed": [item(e) for e in digest.changed],
            "deadlines": [
                {**item(entry), "closes_on": call.closes_on, "call": call.title} for entry, call in digest.deadlines
            ],
            "window": DEADLINE_WINDOW_DAYS,
            "search_url": _absolute(base_url, search_url),
            "saved_url": _absolute(base_url, reverse("instruments:saved")),
        }
        subject = " ".join(render_to_string("instruments/email/digest_subject.txt", context).split())
        body = render_to_string("instruments/email/digest_body.txt", context)
    send_mail(subject, body, None, [user.email])
    saved_searches.saved_search_mark_sent(saved=saved, seen=digest.seen, sent_at=sent_at)


def digests_send(
    *,
    base_url: str,
    today: date | None = None,
    dry_run: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> DigestReport:
    """Send the digest of every saved search with alerts on that has news; `progress(done, total)` hears of each."""
    today = today or timezone.localdate()
    current = snapshot(today=today)
    report = DigestReport()
    regions = region_options()
    searches = SavedSearch.objects.filter(alerts=True, user__is_active=True).select_related("user").order_by("pk")
    total = searches.count() if progress is not None else 0
    for saved in searches:
        if progress is not None:
            progress(report.searches, total)
        report.searches += 1
        digest = digest_build(saved=saved, current=current, today=today, region_options=regions)
        if digest is None:
            logger.warning("saved search %s skipped: its filter or organisation no longer holds", saved.pk)
            report.skipped.append(str(saved.pk))
            continue
        if not digest:
            report.nothing_new += 1
            continue
        if not dry_run:
            digest_send(digest=digest, base_url=base_url, sent_at=timezone.now())
        report.sent += 1
    return report
