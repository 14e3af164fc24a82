"""The finder's current result list as CSV, and its deadlines as an iCalendar file (RFC 5545).

Both take the instruments of the list in the finder's order, so they honour the same filters. The
calendar is built with the icalendar package, which escapes TEXT values and folds lines at 75
octets as RFC 5545 asks.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from datetime import UTC, date, timedelta

from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, vText

from .models import Instrument
from .presentation import Row

# Stable column names (English, whatever the reader's language): scripts read these.
CSV_COLUMNS = (
    "identifier",
    "name",
    "provider",
    "provider_country",
    "level",
    "kind",
    "status",
    "next_deadline",
    "min_amount",
    "max_amount",
    "rate_percent",
    "currency",
    "languages",
    "verified_at",
    "website",
    "url",
)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object) -> str:
    """A CSV cell that a spreadsheet shows as text, never runs as a formula."""
    if value is None:
        return ""
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def result_csv(rows: Sequence[Row], *, absolute_url) -> str:
    """One line per instrument. Names in the reader's language; codes, dates (ISO) and amounts as data.

    Empty cells mean "not known yet" (status, amounts, deadline) or "not verified" (verified_at).
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for row in rows:
        i = row.instrument
        values = (
            i.identifier,
            i.name,
            i.provider.name if i.provider_id else i.provider_name,
            i.provider_country,
            i.level,
            i.kind,
            i.status,
            row.next_deadline.isoformat() if row.next_deadline else "",
            i.min_amount,
            i.max_amount,
            i.rate_percent,
            i.currency,
            " ".join(i.languages or ()),
            timezone.localtime(i.verified_at).date().isoformat() if i.verified_at else "",
            i.website,
            absolute_url(i.get_absolute_url()),
        )
        writer.writerow([_cell(v) for v in values])
    return out.getvalue()


# --- iCalendar -------------------------------------------------------------------------------------

PRODID = "-//Borderless//Instrument finder//EN"


def deadlines_ics(
    instruments: Iterable[Instrument], *, today: date, absolute_url, host: str, calendar_name: str
) -> str:
    """One all-day event per call that closes today or later, on its closing date.

    The UID depends only on the call and the instrument, so a calendar that subscribes to the file
    updates an event instead of adding a second one.
    """
    now = timezone.now().astimezone(UTC)
    calendar = Calendar()
    calendar.add("version", "2.0")
    calendar.add("prodid", PRODID)
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", vText(calendar_name))
    for instrument in instruments:
        url = absolute_url(instrument.get_absolute_url())
        for call in instrument.calls.all():
            if call.closes_on is None or call.closes_on < today:
                continue
            details = [call.title] if call.title else []
            if call.opens_on:
                details.append(_("Opens on %(date)s.") % {"date": call.opens_on.isoformat()})
            details.append(url)
            event = Event()
            event.add("uid", f"call-{call.pk}-{instrument.identifier}@{host}")
            event.add("dtstamp", now)
            event.add("dtstart", call.closes_on)
            event.add("dtend", call.closes_on + timedelta(days=1))
            event.add("summary", _("Deadline: %(instrument)s") % {"instrument": instrument.name})
            event.add("description", "\n".join(details))
            event.add("url", url)
            event.add("transp", "TRANSPARENT")
            calendar.add_component(event)
    return calendar.to_ical().decode("utf-8")
