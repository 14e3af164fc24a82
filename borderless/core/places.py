"""Place names and postcodes as real data spell them, and the NUTS-3 region they lie in.

CORDIS and the organisations' own forms write one town many ways: "MUENSTER", "Münster", the
mojibake "MÃ¼nster" (UTF-8 read as Windows-1252), "'s-Hertogenbosch" and "Den Bosch", "Hengelo (Ov)"
and "Hengelo", "St. Augustin" and "Sankt Augustin". `place_key` gives them one key per country.
Qualifiers that tell two places apart are kept: "Frankfurt (Oder)" is not Frankfurt am Main, and
"Hengelo (Gld)" is not Hengelo; only the aliases below say that two spellings are one place.

Postcodes are reduced to the key of the GISCO TERCET postcode → NUTS-3 table (NUTS 2021): five
digits in Germany, the four digits (PC4) in the Netherlands.
"""

from __future__ import annotations

import csv
import os
import re
import unicodedata
from collections.abc import Container, Iterable, Mapping
from dataclasses import dataclass

# Letters that German and Dutch spell out when the diacritic is missing: "Muenster" is "Münster".
_SPELLED_OUT = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "æ": "ae", "ø": "oe"})

# "St." abbreviates "Sankt" in German names and "Sint" in Dutch ones.
_SAINT: Mapping[str, str] = {"DE": "sankt", "NL": "sint"}

# Two names for one place, by country, as keys (lower case, spelled out, without spaces or
# punctuation): the colloquial or exonym spelling → the official name. The Dutch municipalities'
# official names are those of CBS's list of municipalities ('s-Gravenhage, 's-Hertogenbosch); the
# PostNL-style province qualifiers ("Hengelo Ov", "Rijswijk ZH") name the town known by the plain name.
ALIASES: Mapping[str, Mapping[str, str]] = {
    "NL": {
        "denhaag": "sgravenhage",
        "thehague": "sgravenhage",
        "lahaye": "sgravenhage",
        "denbosch": "shertogenbosch",
        "bosch": "shertogenbosch",
        "hengeloov": "hengelo",
        "hengelooverijssel": "hengelo",
        "rijswijkzh": "rijswijk",
        "rijswijkzuidholland": "rijswijk",
    },
    "DE": {
        "cologne": "koeln",
        "munich": "muenchen",
        "nuremberg": "nuernberg",
        "hanover": "hannover",
        "brunswick": "braunschweig",
        "aixlachapelle": "aachen",
        "frankfurtam": "frankfurtammain",  # "Frankfurt a.M."
        "frankfurtamain": "frankfurtammain",  # "Frankfurt a. Main"
        "frankfurtmain": "frankfurtammain",  # "Frankfurt/Main"
    },
}

# Mojibake of UTF-8 text decoded as Windows-1252 or Latin-1 starts with one of these.
_MOJIBAKE = re.compile(
    "[\u00c2\u00c3\u00c5][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u2013-\u203a\u20ac\u2122]"
    "|\u00e2\u20ac"
)


def repair_mojibake(text: str) -> str:
    """`text` with UTF-8 that was decoded as Windows-1252 or Latin-1 decoded again ("MÃ¼nster" → "Münster").

    Text that does not look like such mojibake, or does not decode, is returned unchanged.
    """
    for _attempt in range(2):  # text decoded so twice exists too
        if not _MOJIBAKE.search(text):
            return text
        for encoding in ("cp1252", "latin-1"):
            try:
                text = text.encode(encoding).decode("utf-8")
                break
            except (UnicodeEncodeError, UnicodeDecodeError):
                continue
        else:
            return text
    return text


def fold(text: str) -> str:
    """Lower case, umlauts spelled out ("ü" → "ue"), other accents dropped ("é" → "e")."""
    spelled = repair_mojibake(text).casefold().translate(_SPELLED_OUT)
    decomposed = unicodedata.normalize("NFKD", spelled)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_NON_LETTERS = re.compile(r"[^\w]+|_")


def place_words(name: str, country: str = "") -> list[str]:
    """The folded words of a place name, "St." read as "Sankt" (DE) or "Sint" (NL)."""
    words = [word for word in _NON_LETTERS.split(fold(name)) if word]
    saint = _SAINT.get(normalise_country(country))
    if saint:
        words = [saint if word == "st" else word for word in words]
    return words


def place_key(name: str, country: str) -> str:
    """The comparable form of a place in `country`: "NL:sgravenhage" for "Den Haag"; "" for an empty name.

    Spaces, hyphens and apostrophes do not count ("Sint-Michielsgestel" = "Sint Michielsgestel").
    """
    code = normalise_country(country)
    joined = "".join(place_words(name, code))
    if not joined:
        return ""
    joined = ALIASES.get(code, {}).get(joined, joined)
    return f"{code}:{joined}"


def same_place(a: str, b: str, country: str) -> bool:
    """Whether two spellings name one place in `country` (two empty names are not a place)."""
    key = place_key(a, country)
    return bool(key) and key == place_key(b, country)


# CORDIS and the EU write the EU's own codes where ISO 3166 differs.
_ISO_COUNTRY: Mapping[str, str] = {"EL": "GR", "UK": "GB"}
# NUTS uses the EU's codes.
_NUTS_COUNTRY: Mapping[str, str] = {"GR": "EL", "GB": "UK"}


def normalise_country(country: str) -> str:
    """The ISO 3166 alpha-2 code, from any case and from the EU's codes ("el" → "GR", "UK" → "GB")."""
    code = country.strip().upper()
    return _ISO_COUNTRY.get(code, code)


_DE_POSTCODE = re.compile(r"(?:D|DE)?[-\s]*(\d{4,5})")
_NL_POSTCODE = re.compile(r"(?:NL)?[-\s]*([1-9]\d{3})\s*(?:[A-Z]{2})?")


def postcode_key(country: str, postcode: str) -> str | None:
    """The key of the postcode table for a German or Dutch postcode; None when it is not one.

    German: five digits ("D-48143" → "48143"; four digits lost their leading zero in a spreadsheet,
    "1067" → "01067"). Dutch: the four digits ("7511 AB", "7511AB", "NL-7511" → "7511").
    """
    code = normalise_country(country)
    text = postcode.strip().upper()
    if code == "DE":
        if match := _DE_POSTCODE.fullmatch(text):
            return match.group(1).zfill(5)
    elif code == "NL":
        if match := _NL_POSTCODE.fullmatch(text):
            return match.group(1)
    return None


@dataclass(frozen=True, slots=True)
class PostcodeRegion:
    """The NUTS-3 region of a postcode; `uncertain` where the table flags a border changed nearby."""

    nuts3: str
    uncertain: bool = False


@dataclass(frozen=True, slots=True)
class PostcodeTable:
    """Postcode → NUTS-3 region, keyed by (ISO country, `postcode_key`)."""

    regions: Mapping[tuple[str, str], PostcodeRegion]

    def region(self, country: str, postcode: str) -> PostcodeRegion | None:
        code = normalise_country(country)
        key = postcode_key(code, postcode)
        return self.regions.get((code, key)) if key is not None else None

    def nuts3(self, country: str, postcode: str) -> str | None:
        """The NUTS-3 code of (country, postcode), or None when the postcode is unknown or malformed."""
        region = self.region(country, postcode)
        return region.nuts3 if region is not None else None


def parse_postcode_table(lines: Iterable[str]) -> PostcodeTable:
    """The table from the lines of a CSV with the columns country, postcode, nuts3 (others ignored).

    A `near_changed_border` of "1" marks the region as uncertain.
    """
    regions: dict[tuple[str, str], PostcodeRegion] = {}
    for row in csv.DictReader(lines):
        country = normalise_country(row["country"])
        key = postcode_key(country, row["postcode"])
        nuts3 = row["nuts3"].strip().upper()
        if key is None or not nuts3:
            continue
        regions[(country, key)] = PostcodeRegion(nuts3, (row.get("near_changed_border") or "").strip() == "1")
    return PostcodeTable(regions)


def load_postcode_table(path: str | os.PathLike[str]) -> PostcodeTable:
    """The table of the CSV at `path` (such as postcode_nuts3_2021_de_nl.csv)."""
    with open(path, encoding="utf-8-sig", newline="") as file:
        return parse_postcode_table(file)


_NUTS3 = re.compile(r"[A-Z]{2}[A-Z0-9]{3}")


def nuts3_code(code: str, country: str, known: Container[str] | None = None) -> str | None:
    """`code` as a NUTS-3 code of `country` ("dea33" → "DEA33"), or None when it is not one.

    The code must have five characters and start with the country's NUTS prefix (EL for Greece, UK
    for the United Kingdom); with `known` (the codes of one NUTS version) it must also be one of them.
    """
    value = code.strip().upper()
    iso = normalise_country(country)
    if not _NUTS3.fullmatch(value) or value[:2] != _NUTS_COUNTRY.get(iso, iso):
        return None
    if value.endswith("ZZZ"):  # "Extra-Regio": no place on the map
        return None
    if known is not None and value not in known:
        return None
    return value


def nuts3_for(
    *, country: str, postcode: str, nuts_code: str, table: PostcodeTable, known: Container[str] | None = None
) -> str | None:
    """The NUTS-3 region of an address: from the postcode table, else the record's own NUTS code.

    The table comes first: it is NUTS 2021, the version of the programme area, while a record's code
    may be of any NUTS version.
    """
    return table.nuts3(country, postcode) or nuts3_code(nuts_code, country, known)
