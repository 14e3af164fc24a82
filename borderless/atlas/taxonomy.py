"""Loading the competence taxonomy (data/taxonomy.json) into `Competence`, and matching search text.

The loader is an idempotent upsert by code: entries of the file are created or brought up to date
(an unchanged entry is not written), entries that staff added in the admin are kept, and a released
code is never deleted, even when a later file leaves it out, because profiles may still cite it.
Sector entries ("nace.NN") take their labels from the NACE division of the reference data.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction

from borderless.content_fields import translations
from borderless.core.i18n import LANGUAGES
from borderless.organisations.models import NaceDivision

from .models import Competence

TAXONOMY_FILE = Path(__file__).resolve().parent / "data" / "taxonomy.json"
TERM_SEPARATOR = "|"
SHORT_TERM = 3  # terms of this length or shorter ("KI", "AI", "ERP") match only as whole words

_SPECIAL = str.maketrans({"ß": "ss", "ẞ": "ss", "æ": "ae", "ø": "o", "œ": "oe", "ł": "l", "đ": "d", "ı": "i"})
_NOT_WORD = re.compile(r"[^0-9a-z]+")


def fold(text: str) -> str:
    """Lower case, accents removed (ä→a, é→e, ß→ss), anything but letters and digits a single space."""
    text = (text or "").lower().translate(_SPECIAL)
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return _NOT_WORD.sub(" ", text).strip()


def search_terms_of(*, labels: Iterable[str], synonyms: Mapping[str, Iterable[str]]) -> str:
    """The folded, de-duplicated labels and synonyms of all languages, joined with "|"."""
    terms: list[str] = []
    for text in [*labels, *(s for lang in sorted(synonyms) for s in synonyms[lang] or ())]:
        folded = fold(text)
        if folded and folded not in terms:
            terms.append(folded)
    return TERM_SEPARATOR.join(terms)


@dataclass(frozen=True)
class TaxonomyLoad:
    version: str
    created: int
    updated: int
    unchanged: int
    kept: int  # entries in the database that the file does not (or no longer) contain

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated)


class TaxonomyError(ValueError):
    pass


def taxonomy_read(path: Path = TAXONOMY_FILE) -> dict:
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


def _wanted(data: dict, nace: Mapping[str, NaceDivision]) -> dict[str, dict]:
    version = str(data["version"])
    wanted: dict[str, dict] = {}
    for entry in data["entries"]:
        code = entry["code"]
        synonyms = {lang: list(entry.get("synonyms", {}).get(lang, [])) for lang in LANGUAGES}
        if entry["group"] == "sector":
            division = nace.get(code.removeprefix("nace."))
            if division is None:
                raise TaxonomyError(f"{code}: no NACE division {code.removeprefix('nace.')} in the reference data")
            labels = translations(division, "label")
        else:
            labels = {lang: entry["label"][lang] for lang in LANGUAGES}
        wanted[code] = {
            "group": entry["group"],
            "cluster": entry.get("cluster", ""),
            "label_en": labels["en"],
            "label_de": labels["de"],
            "label_nl": labels["nl"],
            "synonyms": synonyms,
            "broader_id": entry.get("broader") or None,
            "search_terms": search_terms_of(labels=labels.values(), synonyms=synonyms),
            "version": version,
        }
    return wanted


@transaction.atomic
def taxonomy_load(*, path: Path = TAXONOMY_FILE) -> TaxonomyLoad:
    """Create or update the file's entries; keep everything else. Loading twice changes nothing."""
    data = taxonomy_read(path)
    nace = NaceDivision.objects.in_bulk()
    if not nace:
        raise TaxonomyError("the NACE divisions are missing: run load_reference_data first")
    wanted = _wanted(data, nace)
    existing = Competence.objects.in_bulk()
    created = updated = unchanged = 0
    # Broader entries first, so that a narrower entry's reference exists when it is written.
    for code in sorted(wanted, key=lambda c: wanted[c]["broader_id"] is not None):
        values = wanted[code]
        current = existing.get(code)
        if current is None:
            Competence.objects.create(code=code, **values)
            created += 1
        elif any(getattr(current, f) != v for f, v in values.items()):
            for f, v in values.items():
                setattr(current, f, v)
            current.save()
            updated += 1
        else:
            unchanged += 1
    kept = len(set(existing) - set(wanted))
    return TaxonomyLoad(str(data["version"]), created, updated, unchanged, kept)


def competence_search_terms_refresh(competence: Competence) -> None:
    """Recompute an entry's search terms from its labels and synonyms (for entries staff edit)."""
    competence.search_terms = search_terms_of(
        labels=translations(competence, "label").values(), synonyms=competence.synonyms or {}
    )


# --- matching search text against the taxonomy ----------------------------------------------------


def _match_tiers(query: str, terms: list[str]) -> int | None:
    """How well a folded query matches one entry's terms: 0 exact term, 1 word prefix, 2 substring."""
    best = None
    short = len(query) <= SHORT_TERM
    for term in terms:
        if term == query:
            return 0
        words = term.split()
        if short:
            # "KI", "AI": whole words only, or "ai" would find "email" and "mail".
            if query in words or (" " in query and f" {query} " in f" {term} "):
                best = 1 if best is None else min(best, 1)
            continue
        if any(w.startswith(query) for w in words) or term.startswith(query):
            best = 1 if best is None else min(best, 1)
        elif query in term:
            best = 2 if best is None else min(best, 2)
    return best


def match_codes(query: str, entries: Iterable[tuple[str, str]]) -> list[str]:
    """The codes whose terms match `query`, best tier only, from (code, search_terms) pairs.

    Only the best tier counts (an exact term beats a word prefix beats a substring), so "Sensorik",
    "Sensoren" and "sensors" all mean the one entry that has them as terms, and not also every entry
    that mentions "vernetzte Sensoren" in passing.
    """
    folded = fold(query)
    if not folded:
        return []
    tiers: dict[int, list[str]] = {}
    for code, search_terms in entries:
        tier = _match_tiers(folded, search_terms.split(TERM_SEPARATOR) if search_terms else [])
        if tier is not None:
            tiers.setdefault(tier, []).append(code)
    if tiers:
        return sorted(tiers[min(tiers)])
    # A phrase that is no term ("sensors robotics"): each word on its own.
    words = [w for w in folded.split() if len(w) >= 2]
    if len(words) < 2:
        return []
    found: set[str] = set()
    entries = list(entries)
    for word in words:
        found.update(match_codes(word, entries))
    return sorted(found)


def competences_for_text(query: str) -> list[str]:
    """The codes a search text means: matching entries and the entries narrower than them."""
    rows = list(Competence.objects.values_list("code", "search_terms", "broader_id"))
    codes = set(match_codes(query, [(code, terms) for code, terms, _b in rows]))
    codes |= {code for code, _t, broader in rows if broader in codes}
    return sorted(codes)
