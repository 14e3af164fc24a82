"""The finder's current result list as CSV, and its deadlines as an iCalendar file (RFC 5545).

Both take the instruments of the list in the finder's order, so they honour the same filters. The
calendar is written by hand: it needs a dozen lines of the standard (escaping, folding at 75
octets, CRLF), not a library.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime, timedelta

from django.utils import timezone
from django.utils.translation import gettext as _

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


def ics_escape(text: str) -> str:
    """TEXT value escaping of RFC 5545, section 3.3.11."""
    return (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def ics_fold(line: str) -> str:
    """Fold a content line into pieces of at most 75 octets, never inside a UTF-8 character (3.1)."""
    pieces, current, size, limit = [], [], 0, 75
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            pieces.append("".join(current))
            current, size, limit = [], 0, 74  # continuation lines start with one space
        current.append(char)
        size += width
    pieces.append("".join(current))
    return "\r\n ".join(pieces)


def _utc_stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _day(day: date) -> str:
    return day.strftime("%Y%m%d")


def deadlines_ics(
    instruments: Iterable[Instrument], *, today: date, absolute_url, host: str, calendar_name: str
) -> str:
    """One all-day event per call that closes today or later, on its closing date."""
    now = _utc_stamp(timezone.now())
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Borderless//Instrument finder//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{ics_escape(calendar_name)}",
    ]
    for instrument in instruments:
        url = absolute_url(instrument.get_absolute_url())
        for call in instrument.calls.all():
            if call.closes_on is None or call.closes_on < today:
                continue
            summary = _("Deadline: %(instrument)s") % {"instrument": instrument.name}
            details = [call.title] if call.title else []
            if call.opens_on:
                details.append(_("Opens on %(date)s.") % {"date": call.opens_on.isoformat()})
            details.append(url)
            lines += [
                "BEGIN:VEVENT",
                f"UID:call-{call.pk}-{instrument.identifier}@{host}",
                f"DTSTAMP:{now}",
                f"DTSTART;VALUE=DATE:{_day(call.closes_on)}",
                f"DTEND;VALUE=DATE:{_day(call.closes_on + timedelta(days=1))}",
                f"SUMMARY:{ics_escape(summary)}",
                f"DESCRIPTION:{ics_escape(chr(10).join(details))}",
                f"URL:{url}",
                "TRANSP:TRANSPARENT",
                "END:VEVENT",
            ]
    lines.append("END:VCALENDAR")
    return "".join(ics_fold(line) + "\r\n" for line in lines)
