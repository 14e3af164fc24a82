"""Spreadsheets as people save them: rows with their line numbers, and cell values as they are typed.

A file is an Excel workbook (.xlsx, its first worksheet) or CSV text: UTF-8 with or without a
byte-order mark, separated by commas or (as spreadsheets in Germany and the Netherlands save it)
semicolons, told apart by the header line as the platform's other CSV imports do (title lines
above the header do not count). A row's line is
the file's line where it starts (a quoted CSV field may hold line breaks), or the worksheet's row
number; blank rows are skipped.

Cells are read the way the three languages write them: dates as 2024-03-31, 31.03.2024, 31-03-2024
or an Excel date; amounts with a decimal comma or point, thousands separators and "€"; yes and no;
countries by code or by name in English, German or Dutch.
"""

from __future__ import annotations

import csv
import io
import re
import warnings
from collections.abc import Mapping
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from functools import cache

import openpyxl
from babel import Locale

from borderless.core.cordis import Problem
from borderless.core.i18n import Message, _
from borderless.core.places import fold, normalise_country

NOT_READABLE = _(
    "The file is neither UTF-8 text nor an Excel workbook: save it as “CSV UTF-8” or as an Excel workbook (.xlsx)."
)
OLD_EXCEL = _("The file is an old Excel workbook (.xls): save it as an Excel workbook (.xlsx) or as “CSV UTF-8”.")
BAD_CSV = _("The file is not valid CSV from this line on: a quote is not closed or stands inside a field.")
BAD_WORKBOOK = _("The file cannot be read as an Excel workbook (.xlsx).")
BAD_DATE = _("“%(value)s” is not a date (such as 2024-03-31, 31.03.2024 or 31-03-2024).")
BAD_AMOUNT = _("“%(value)s” is not an amount in euro (such as 12500, 12.500,00 or 12,500.00).")
BAD_YES_NO = _("“%(value)s” is not yes or no.")
BAD_COUNTRY = _("“%(value)s” is not a country.")

Row = tuple[int, list[object]]  # (line, cells)
# How many lines may stand above the header (a title, a date of publication, a blank line).
HEADER_SEARCH = 10

YES = frozenset({"ja", "j", "yes", "y", "true", "wahr", "waar", "x", "1"})
NO = frozenset({"nein", "n", "no", "false", "falsch", "nee", "onwaar", "0", ""})
# Codes and names that the language data does not hold: ISO alpha-3, car codes, colloquial names.
COUNTRY_EXTRA: Mapping[str, str] = {
    "holland": "NL", "nld": "NL", "d": "DE", "deu": "DE", "brd": "DE", "bundesrepublikdeutschland": "DE",
    "bel": "BE", "lux": "LU", "fra": "FR", "el": "GR", "uk": "GB", "greatbritain": "GB",
    "grossbritannien": "GB", "grootbrittannie": "GB", "england": "GB",
}  # fmt: skip


class InvalidValue(Exception):
    """A cell that does not hold what its column asks for; `message` says why, for the reader."""

    def __init__(self, message: Message) -> None:
        super().__init__(str(message))
        self.message = message


def header_key(text: str) -> str:
    """A header or a word as compared: folded, letters and digits only ("Lead-Partner" → "leadpartner")."""
    return "".join(c for c in fold(text) if c.isalnum())


def read_rows(data: bytes | str) -> tuple[list[Row], list[Problem]]:
    """Every non-blank row of a workbook or CSV file, or the problem that makes the file unreadable."""
    if isinstance(data, bytes) and data.startswith(b"PK\x03\x04"):
        return _workbook_rows(data)
    if isinstance(data, bytes) and data.startswith(b"\xd0\xcf\x11\xe0"):
        return [], [Problem(0, None, OLD_EXCEL)]
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            return [], [Problem(0, None, NOT_READABLE)]
    text = data.removeprefix("\ufeff")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text), strict=True)
    rows: list[Row] = []
    end = 0
    try:
        for fields in reader:
            start, end = end + 1, reader.line_num
            if any(field.strip() for field in fields):
                rows.append((start, list(fields)))
    except csv.Error:
        return [], [Problem(end + 1, None, BAD_CSV)]
    return rows, []


def _delimiter(text: str) -> str:
    """ ";" where the header line has more semicolons than commas, as the platform's other CSV imports decide.

    The header line is the one with the most separators among the first lines: a title line above
    it ("Projekte, Stand 2020") does not decide.
    """
    lines = text.split("\n", HEADER_SEARCH)[:HEADER_SEARCH]
    header = max(lines, key=lambda line: max(line.count(";"), line.count(",")))
    return ";" if header.count(";") > header.count(",") else ","


def _workbook_rows(data: bytes) -> tuple[list[Row], list[Problem]]:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns of styles and extensions it does not read
            workbook = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
        sheet = workbook.worksheets[0]
        rows: list[Row] = []
        for line, cells in enumerate(sheet.iter_rows(values_only=True), start=1):
            values: list[object] = list(cells)
            if any(text_of(cell) for cell in values):
                rows.append((line, values))
    except Exception:  # a damaged workbook raises whatever openpyxl meets first (zip, XML, key errors)
        return [], [Problem(0, None, BAD_WORKBOOK)]
    return rows, []


def _shown(value: object) -> str:
    return value.isoformat() if isinstance(value, date) else str(value).strip()


def text_of(value: object) -> str:
    """A cell as text: a number the spreadsheet stored as a number loses no digit ("48143", not "48143.0")."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat(" ")
    return _shown(value)


_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?")
_DMY_DATE = re.compile(r"(\d{1,2})[./-](\d{1,2})[./-](\d{4})")
_EXCEL_SERIAL = re.compile(r"\d{5}")
# Day 0 of Excel's 1900 date system as its serial numbers count from March 1900 on (Excel takes
# 1900 for a leap year, so the days before do not matter here).
_EXCEL_EPOCH = date(1899, 12, 30)
_EXCEL_LAST = 2958465  # 9999-12-31


def parse_date(value: object) -> date | None:
    """A date: an Excel date or serial number, or "2024-03-31", "31.03.2024", "31-03-2024", "31/03/2024"."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool) and 60 < value <= _EXCEL_LAST:
        return _EXCEL_EPOCH + timedelta(days=int(value))
    text = text_of(value)
    if not text:
        return None
    try:
        if match := _ISO_DATE.fullmatch(text):
            year, month, day = (int(part) for part in match.groups())
        elif match := _DMY_DATE.fullmatch(text):
            day, month, year = (int(part) for part in match.groups())
        elif _EXCEL_SERIAL.fullmatch(text):
            return _EXCEL_EPOCH + timedelta(days=int(text))
        else:
            raise ValueError(text)
        return date(year, month, day)
    except ValueError:
        raise InvalidValue(BAD_DATE.bind(value=text)) from None


_CURRENCY = re.compile(r"€|\beur(?:o)?\b", re.IGNORECASE)
_SPACES = re.compile(r"[\s\u00a0\u202f\u2009'’]+")
_AMOUNT = re.compile(r"(?P<whole>.*?)(?:(?P<point>[.,])(?P<cents>\d{1,2}))?")
_GROUPED = re.compile(r"\d{1,3}(?P<sep>[., ])\d{3}(?:(?P=sep)\d{3})*")
CENT = Decimal("0.01")


def parse_amount(value: object) -> Decimal | None:
    """An amount in euro, to the cent; None when empty or "-".

    A decimal comma or point has one or two digits after it; a separator before three digits groups
    thousands ("12.500" and "12,500" are twelve thousand five hundred: no amount has three decimals).
    """
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        try:
            amount = Decimal(str(value))
        except InvalidOperation:
            amount = Decimal(-1)
        if amount.is_finite() and amount >= 0:
            return amount.quantize(CENT)
        raise InvalidValue(BAD_AMOUNT.bind(value=_shown(value)))
    text = text_of(value)
    cleaned = _SPACES.sub(" ", _CURRENCY.sub("", text)).strip()
    if cleaned in ("", "-", "–"):
        return None
    match = _AMOUNT.fullmatch(cleaned)
    whole = match.group("whole") if match else ""
    grouped = _GROUPED.fullmatch(whole)
    if match is None or not (whole.isdigit() or (grouped and grouped.group("sep") != match.group("point"))):
        raise InvalidValue(BAD_AMOUNT.bind(value=text))
    digits = re.sub(r"\D", "", whole)
    return Decimal(f"{digits}.{match.group('cents') or '0'}").quantize(CENT)


def parse_yes_no(value: object) -> bool:
    """Yes or no in English, German or Dutch, "x" or 1 for yes; an empty cell is no."""
    if isinstance(value, bool):
        return value
    word = header_key(text_of(value))
    if word in YES or word in NO:
        return word in YES
    raise InvalidValue(BAD_YES_NO.bind(value=text_of(value)))


@cache
def _countries() -> dict[str, str]:
    codes: dict[str, str] = {}
    for language in ("en", "de", "nl"):
        for code, name in Locale.parse(language).territories.items():
            if len(code) == 2 and code.isalpha():
                codes[header_key(name)] = code
                codes[code.lower()] = code
    return codes | dict(COUNTRY_EXTRA)


def parse_country(value: object) -> str:
    """The ISO 3166 code of a country's code or name ("EL" → "GR", "UK" → "GB", "Duitsland" → "DE"); "" if empty."""
    text = text_of(value)
    if not text:
        return ""
    key = header_key(text)
    code = _countries().get(key) or _countries().get(key.removeprefix("the"))
    if code is None:
        raise InvalidValue(BAD_COUNTRY.bind(value=text))
    return normalise_country(code)
