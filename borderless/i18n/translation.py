"""The core's messages in the reader's language, through Django's catalogues.

`translate` is the one way the apps show a `borderless.core.i18n` message; `language` and
`language_of` name the platform language ("en", "de" or "nl") of the request or of a user.
"""

from __future__ import annotations

from django.utils import translation
from django.utils.translation import trans_real

from borderless.core.i18n import DEFAULT_LANGUAGE, Translatable, language_code, render

CONTEXT_SEPARATOR = "\x04"


class DjangoCatalogue:
    """One language's Django translations seen as a `gettext.NullTranslations`.

    Django keeps a context in the msgid ("context\\x04msgid") and, like `django.utils.translation.pgettext`,
    a lookup that comes back with the separator found nothing: the English msgid is shown then.
    """

    def __init__(self, lang: str) -> None:
        self.books = trans_real.translation(lang)

    def gettext(self, message: str) -> str:
        return self.books.gettext(message)

    def pgettext(self, context: str, message: str) -> str:
        key = context + CONTEXT_SEPARATOR + message
        result = self.books.gettext(key)
        return message if CONTEXT_SEPARATOR in result else result

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self.books.ngettext(singular, plural, n)

    def npgettext(self, context: str, singular: str, plural: str, n: int) -> str:
        keys = (context + CONTEXT_SEPARATOR + singular, context + CONTEXT_SEPARATOR + plural)
        result = self.books.ngettext(*keys, n)
        if CONTEXT_SEPARATOR in result:
            return singular if n == 1 else plural
        return result


def language() -> str:
    """The platform language of the active (request's) language."""
    return language_code(translation.get_language() or DEFAULT_LANGUAGE)


def language_of(user: object) -> str:
    """The platform language a user chose (e-mails and digests are written in it)."""
    return language_code(getattr(user, "language", None) or DEFAULT_LANGUAGE)


def translate(message: Translatable, lang: str | None = None) -> str:
    """`message` in `lang`, or in the active language; a plain string is returned as it is."""
    if isinstance(message, str):
        return message
    code = language_code(lang) if lang else language()
    return render(message, DjangoCatalogue(code), code)
