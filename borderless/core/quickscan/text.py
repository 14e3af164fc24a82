"""Trilingual text for the quickscan: every string a firm reads exists in English, German and Dutch.

The quickscan's texts are data, not gettext messages: they belong to the instrument (like the
questions of a paper form) and are reviewed together in one place. German addresses the reader
with "Sie", Dutch with "u".
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

LANGUAGES: tuple[str, ...] = ("en", "de", "nl")
DEFAULT_LANGUAGE = "en"


@dataclass(frozen=True, slots=True)
class Text:
    """One text in the three languages of the platform."""

    en: str
    de: str
    nl: str

    def get(self, lang: str | None) -> str:
        """The text in `lang` ("de", "de-DE" and "de_AT" all mean German); English for other languages."""
        code = (lang or DEFAULT_LANGUAGE).replace("_", "-").split("-")[0].lower()
        return getattr(self, code) if code in LANGUAGES else self.en

    def render(self, lang: str | None, params: Mapping[str, object] | None = None) -> str:
        """The text in `lang` with its %(name)s placeholders filled in.

        A parameter that is itself a `Text` (a dimension or stage name, say) is put in the same
        language, so no sentence is ever stitched from pieces in different languages.
        """
        values = {key: value.get(lang) if isinstance(value, Text) else value for key, value in (params or {}).items()}
        # Always format, so "%%" means a literal per cent sign whether or not there are parameters.
        return self.get(lang) % values
