"""The platform's catalogues through the standard library's gettext, so core tests need no Django."""

from __future__ import annotations

import functools
import gettext
import io
import subprocess
from collections.abc import Mapping
from pathlib import Path

from borderless.core.i18n import Content, ListOf, Message, language_code, render

LOCALE = Path(__file__).resolve().parents[2] / "locale"


@functools.cache
def catalogue(lang: str | None) -> gettext.NullTranslations:
    """The committed catalogue of `lang`, compiled afresh; English is the msgids themselves."""
    code = language_code(lang)
    if code == "en":
        return gettext.NullTranslations()
    po = LOCALE / code / "LC_MESSAGES" / "django.po"
    mo = subprocess.run(["msgfmt", "--check-format", "-o", "-", str(po)], capture_output=True, check=True).stdout
    return gettext.GNUTranslations(io.BytesIO(mo))


class Extra(gettext.NullTranslations):
    """A few translations a test brings along (msgid -> text), before the committed catalogue."""

    def __init__(self, texts: Mapping[str, str], fallback: gettext.NullTranslations) -> None:
        super().__init__()
        self._texts = dict(texts)
        self.add_fallback(fallback)

    def gettext(self, message: str) -> str:
        return self._texts[message] if message in self._texts else super().gettext(message)


def tr(message: Message | ListOf | Content | str, lang: str | None, extra: Mapping[str, str] | None = None) -> str:
    """`message` as a reader in `lang` sees it."""
    books = catalogue(lang) if extra is None else Extra(extra, catalogue(lang))
    return render(message, books, lang)


def translated(message: Message, lang: str) -> bool:
    """Whether the committed catalogue of `lang` has a translation for `message`."""
    if lang == "en":
        return True
    key = message.msgid if message.context is None else f"{message.context}\x04{message.msgid}"
    if message.plural is not None:
        key = (key, 0)  # type: ignore[assignment]
    return bool(catalogue(lang)._catalog.get(key))  # type: ignore[attr-defined]
