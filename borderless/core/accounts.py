"""Rules about accounts that need no database: the one normal form of an e-mail address."""

from __future__ import annotations

import unicodedata


def normalise_email(address: str) -> str:
    """The form in which an e-mail address is stored, looked up and counted.

    Unicode NFKC, then case folding (and NFKC again, as case folding can undo it): every spelling
    that a database could treat as the same address maps to one string. "ſme.de@example.org"
    (long s, U+017F), "SME.DE@EXAMPLE.ORG" and "sme.de@example.org" are one address here, on SQLite
    and PostgreSQL alike, so no spelling gets its own log-in allowance or its own account.
    Surrounding white space is dropped; nothing else is changed.
    """
    text = unicodedata.normalize("NFKC", address.strip())
    return unicodedata.normalize("NFKC", text.casefold())
