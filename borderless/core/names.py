"""Whether two organisation names are the same name written differently.

"Novel-T", "NOVEL T", "Novel-T B.V." and "Stichting Novel‑T" share one key; so do "Münster GmbH"
and "Munster". The key folds case, drops accents and punctuation, joins the letters of spelled-out
abbreviations ("B. V.") and removes legal forms at the start or end of the name. It is used to
flag a new organisation for staff review, never to refuse a name.
"""

from __future__ import annotations

import re
import unicodedata

# Legal forms as they read once punctuation is gone and spelled-out letters are joined
# ("B.V." -> "bv", "e. V." -> "ev", "GmbH & Co. KG" -> "gmbh", "co", "kg").
LEGAL_FORMS = frozenset(
    {
        # Germany
        "gmbh", "mbh", "ggmbh", "ag", "kg", "kgaa", "ohg", "gbr", "ug", "ev", "eg", "se", "co",
        "haftungsbeschrankt", "stiftung", "verein",
        # the Netherlands
        "bv", "nv", "vof", "cv", "cooperatie", "ua", "stichting", "vereniging",
        # English and European
        "ltd", "limited", "plc", "llc", "inc", "lp", "llp", "sce", "eeig", "egtc",
    }
)  # fmt: skip

_SEPARATORS = re.compile(r"[\s&+/,;]+")


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _tokens(name: str) -> list[str]:
    words = (re.sub(r"[\W_]+", "", word) for word in _SEPARATORS.split(_fold(name)))
    raw = [w for w in words if w]
    # Join runs of single letters: "b v" (from "B. V.") reads "bv", "n o r" reads "nor".
    joined: list[str] = []
    run = ""
    for word in raw:
        if len(word) == 1:
            run += word
            continue
        if run:
            joined.append(run)
            run = ""
        joined.append(word)
    if run:
        joined.append(run)
    return joined


def name_key(name: str) -> str:
    """The comparable form of an organisation's name (empty for an empty name)."""
    tokens = _tokens(name)
    core = list(tokens)
    while core and core[-1] in LEGAL_FORMS:
        core.pop()
    while core and core[0] in LEGAL_FORMS:
        core.pop(0)
    # A name that is nothing but a legal form ("Stichting") keeps it.
    return "".join(core or tokens)


def same_name(a: str, b: str) -> bool:
    key = name_key(a)
    return bool(key) and key == name_key(b)
