"""The finder's result list as CSV and its deadlines as iCalendar, with the same filters."""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta

import pytest
from django.utils import timezone
from icalendar import Calendar

from borderless.instruments.exports import CSV_COLUMNS
from borderless.instruments.matching import snapshot_clear
from borderless.instruments.models import Call

from .finder_data import make_instrument


@pytest.fixture(autouse=True)
def _fresh_snapshot():
    snapshot_clear()
    yield
    snapshot_clear()


def rows_of(response) -> list[dict[str, str]]:
    text = response.content.decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def unfolded(response) -> list[str]:
    """The calendar's content lines with the folding undone (RFC 5545, 3.1)."""
    return response.content.decode().replace("\r\n ", "").split("\r\n")


# CSV


def test_the_csv_has_stable_english_columns_and_names_in_the_readers_language(client, db):
    make_instrument(
        "voucher-a",
        name="Voucher A",
        name_de="Gutschein A",
        min_amount=5000,
        max_amount=20000,
        languages=["nl", "de"],
        calls=[(None, timezone.localdate() + timedelta(days=30))],
    )
    make_instrument("grant-b", name="Grant B", kind="grant", status="")

    response = client.get("/de/instruments/export.csv")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'attachment; filename="instruments-' in response["Content-Disposition"]
    rows = rows_of(response)
    assert tuple(rows[0]) == CSV_COLUMNS
    voucher = next(r for r in rows if r["identifier"] == "voucher-a")
    assert voucher["name"] == "Gutschein A"
    assert (voucher["level"], voucher["kind"], voucher["status"]) == ("land_province", "voucher", "open")
    assert (voucher["min_amount"], voucher["max_amount"], voucher["currency"]) == ("5000.00", "20000.00", "EUR")
    assert voucher["next_deadline"] == (timezone.localdate() + timedelta(days=30)).isoformat()
    assert voucher["languages"] == "nl de"
    assert voucher["url"] == "http://testserver/de/instruments/voucher-a/"
    grant = next(r for r in rows if r["identifier"] == "grant-b")
    # Unknown facts stay empty; nothing is invented.
    assert (grant["status"], grant["min_amount"], grant["next_deadline"], grant["verified_at"]) == ("", "", "", "")


def test_the_csv_honours_the_filters_and_refuses_bad_ones(client, db):
    make_instrument("voucher-a", name="Voucher A")
    make_instrument("grant-b", name="Grant B", kind="grant")
    rows = rows_of(client.get("/en/instruments/export.csv", {"kind": "grant"}))
    assert [r["identifier"] for r in rows] == ["grant-b"]
    bad = client.get("/de/instruments/export.csv", {"kind": "spaceship"})
    assert bad.status_code == 400
    assert "spaceship" in bad.content.decode()


def test_a_cell_never_becomes_a_spreadsheet_formula(client, db):
    make_instrument("evil", name='=HYPERLINK("http://evil")', provider_name="+cmd")
    row = rows_of(client.get("/en/instruments/export.csv"))[0]
    assert row["name"].startswith("'=") and row["provider"] == "'+cmd"


# iCalendar


def test_the_calendar_has_one_event_per_call_closing_today_or_later(client, db):
    today = timezone.localdate()
    make_instrument(
        "voucher-a",
        name="Voucher A; with, commas",
        calls=[(today - timedelta(days=20), today + timedelta(days=10)), (None, today - timedelta(days=1))],
    )
    make_instrument("grant-b", name="Grant B", kind="grant", calls=[(None, today)])
    make_instrument("no-dates", name="No dates")

    response = client.get("/en/instruments/deadlines.ics")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    raw = response.content.decode()
    assert raw.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n") and raw.endswith("END:VCALENDAR\r\n")
    assert all(len(line.encode()) <= 75 for line in raw.split("\r\n"))
    lines = unfolded(response)
    assert lines.count("BEGIN:VEVENT") == 2
    assert f"DTSTART;VALUE=DATE:{(today + timedelta(days=10)):%Y%m%d}" in lines
    assert f"DTEND;VALUE=DATE:{(today + timedelta(days=11)):%Y%m%d}" in lines
    assert f"DTSTART;VALUE=DATE:{today:%Y%m%d}" in lines
    assert "SUMMARY:Deadline: Voucher A\\; with\\, commas" in lines
    assert "URL:http://testserver/en/instruments/voucher-a/" in lines
    uids = [line for line in lines if line.startswith("UID:")]
    assert len(set(uids)) == 2


def test_the_calendar_honours_the_filters(client, db):
    soon = timezone.localdate() + timedelta(days=3)
    make_instrument("voucher-a", name="Voucher A", calls=[(None, soon)])
    make_instrument("grant-b", name="Grant B", kind="grant", calls=[(None, soon)])
    lines = unfolded(client.get("/en/instruments/deadlines.ics", {"kind": "grant"}))
    assert [line for line in lines if line.startswith("SUMMARY:")] == ["SUMMARY:Deadline: Grant B"]
    assert client.get("/en/instruments/deadlines.ics", {"status": "maybe"}).status_code == 400


def test_escaping_and_folding_follow_rfc_5545(client, db):
    soon = timezone.localdate() + timedelta(days=3)
    make_instrument("escapes", name="a\\b;c,d\ne", calls=[(None, soon)])
    make_instrument("long", name="Förderung für Überbrückung " * 9, calls=[(None, soon)])
    make_instrument("short", name="Short", calls=[(None, soon)])
    response = client.get("/en/instruments/deadlines.ics")
    assert "SUMMARY:Deadline: a\\\\b\\;c\\,d\\ne" in unfolded(response)
    raw_lines = response.content.decode().split("\r\n")
    line = "SUMMARY:Deadline: " + "Förderung für Überbrückung " * 9
    start = next(i for i, piece in enumerate(raw_lines) if piece.startswith("SUMMARY:Deadline: Förderung"))
    end = next(i for i in range(start + 1, len(raw_lines)) if not raw_lines[i].startswith(" "))
    pieces = raw_lines[start:end]
    assert len(pieces) > 1
    assert all(len(piece.encode()) <= 75 for piece in pieces)
    assert all(piece.startswith(" ") for piece in pieces[1:])
    assert "".join(p[1:] if i else p for i, p in enumerate(pieces)) == line  # no character split or lost
    assert "SUMMARY:Deadline: Short" in raw_lines  # a short line is not folded


def parsed(response) -> Calendar:
    return Calendar.from_ical(response.content.decode())


def test_a_calendar_program_reads_the_events_back_with_their_text_dates_and_uids(client, db):
    today = timezone.localdate()
    make_instrument(
        "voucher-a",
        name="Voucher A; with, commas",
        calls=[(today - timedelta(days=20), today + timedelta(days=10))],
    )
    Call.objects.filter(instrument__identifier="voucher-a").update(title="Round 1, spring;\nsecond line")

    first = parsed(client.get("/de/instruments/deadlines.ics"))

    assert str(first["X-WR-CALNAME"]) == "Borderless: Fristen von Förderinstrumenten"
    (event,) = first.walk("VEVENT")
    assert str(event["SUMMARY"]) == "Frist: Voucher A; with, commas (DE)"
    description = str(event["DESCRIPTION"]).split("\n")
    assert description[0] == "Round 1, spring;"
    assert description[1] == "second line"
    assert description[-1] == "http://testserver/de/instruments/voucher-a/"
    # All-day events: plain dates, no time and no time zone; the stamp is in UTC.
    assert event.decoded("DTSTART") == today + timedelta(days=10)
    assert type(event.decoded("DTSTART")) is date
    assert event.decoded("DTEND") == today + timedelta(days=11)
    assert event.decoded("DTSTAMP").utcoffset() == timedelta(0)
    # Downloading again (in another language) gives the same UID, so subscribers update the event.
    again = parsed(client.get("/en/instruments/deadlines.ics"))
    assert [str(e["UID"]) for e in again.walk("VEVENT")] == [str(event["UID"])]


def test_an_escape_is_never_split_by_a_line_fold(client, db):
    # "SUMMARY:Deadline: " and 56 letters fill the first line up to the backslash of the escaped comma.
    soon = timezone.localdate() + timedelta(days=3)
    make_instrument("split", name="x" * 56 + ", and more" * 3, calls=[(None, soon)])
    raw = client.get("/en/instruments/deadlines.ics").content.decode()
    assert not any(line.endswith("\\") for line in raw.split("\r\n"))
    assert "SUMMARY:Deadline: " + "x" * 56 + "\\, and more" * 3 in raw.replace("\r\n ", "").split("\r\n")


def test_a_deadline_in_the_past_year_is_not_announced(client, db):
    make_instrument("old", name="Old", calls=[(date(2020, 1, 1), date(2020, 2, 1))])
    assert "BEGIN:VEVENT" not in client.get("/en/instruments/deadlines.ics").content.decode()
