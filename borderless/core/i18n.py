"""Messages for people, marked for gettext and translated later, by whoever shows them.

The core never translates. It marks each text with a no-op marker that xgettext extracts
(`_`, `C_` with a context, `N_` with a plural) and returns `Message`s: an English msgid plus the
parameters of its %(name)s placeholders. The app renders a message in the reader's language through
its gettext catalogue (`render` takes any object with the methods of `gettext.NullTranslations`),
so the core and its tests need no Django: `gettext.translation("django", "locale", ["de"])` will do.

A parameter may itself be a message, or a `ListOf` messages; it is rendered with the same catalogue
in the same language, so a sentence is never stitched from pieces in different languages.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Literal, Protocol

from babel.lists import format_list

LANGUAGES: tuple[str, ...] = ("en", "de", "nl")
DEFAULT_LANGUAGE = "en"

# Babel's plain English lists carry the serial comma ("a, b, or c"); the platform writes British English.
LIST_LOCALES: Mapping[str, str] = {"en": "en_GB"}


class Catalogue(Protocol):
    """What `render` needs of a catalogue: the four lookups of `gettext.NullTranslations`."""

    def gettext(self, message: str, /) -> str: ...

    def pgettext(self, context: str, message: str, /) -> str: ...

    def ngettext(self, singular: str, plural: str, n: int, /) -> str: ...

    def npgettext(self, context: str, singular: str, plural: str, n: int, /) -> str: ...


@dataclass(frozen=True, slots=True)
class Message:
    """One text to translate: the English msgid, its context or plural, and its bound parameters.

    `params` is None until `bind` is called: an unbound message is shown as it is translated, a
    bound one is %-formatted (so "%%" is a literal per cent sign only once parameters are bound).
    For a plural message the parameter named by `count` chooses the plural form.
    """

    msgid: str
    context: str | None = None
    plural: str | None = None
    params: tuple[tuple[str, object], ...] | None = None
    count: str = "n"

    def bind(self, params: Mapping[str, object] | None = None, /, **more: object) -> Message:
        """This message with its %(name)s placeholders filled in (on top of any bound before)."""
        values = dict(self.params or ())
        values.update(params or {})
        values.update(more)
        return replace(self, params=tuple(values.items()))

    def __str__(self) -> str:
        """The English text, for logs and reprs; a reader always gets `render`."""
        return render(self, None, DEFAULT_LANGUAGE)


ListStyle = Literal["or", "and", "plain"]
BABEL_STYLES: Mapping[str, Literal["or", "standard"]] = {"or": "or", "and": "standard"}


@dataclass(frozen=True, slots=True)
class ListOf:
    """Items shown as one list in the reader's language: "a, b or c" ("or"), "a, b and c" ("and"), "a, b, c"."""

    items: tuple[Message | ListOf | Content | str, ...]
    style: ListStyle = "plain"

    def __init__(self, items: Iterable[Message | ListOf | Content | str], style: ListStyle = "plain") -> None:
        object.__setattr__(self, "items", tuple(items))
        object.__setattr__(self, "style", style)

    def __str__(self) -> str:
        return render(self, None, DEFAULT_LANGUAGE)


@dataclass(frozen=True, slots=True)
class Content:
    """Text an editor wrote in each language (a name, a label from the reference data), not a catalogue's.

    Shown in the reader's language; a language left empty shows the English text.
    """

    en: str
    de: str = ""
    nl: str = ""

    def __str__(self) -> str:
        return self.en


Translatable = Message | ListOf | Content | str


def _(msgid: str) -> Message:
    """Mark `msgid` for translation."""
    return Message(msgid)


def C_(context: str, msgid: str) -> Message:
    """Mark `msgid` for translation in `context`, for an English word with two meanings."""
    return Message(msgid, context=context)


def N_(singular: str, plural: str, count: str = "n") -> Message:
    """Mark a text with a singular and a plural form; the parameter `count` chooses between them."""
    return Message(singular, plural=plural, count=count)


def language_code(lang: str | None) -> str:
    """The platform language of `lang` ("de", "de-DE" and "de_AT" all mean German); English for others."""
    code = (lang or DEFAULT_LANGUAGE).replace("_", "-").split("-")[0].lower()
    return code if code in LANGUAGES else DEFAULT_LANGUAGE


def _lookup(message: Message, catalogue: Catalogue | None, n: int) -> str:
    if catalogue is None:
        return message.msgid if message.plural is None or n == 1 else message.plural
    if message.plural is not None:
        if message.context is not None:
            return catalogue.npgettext(message.context, message.msgid, message.plural, n)
        return catalogue.ngettext(message.msgid, message.plural, n)
    if not message.msgid:
        return ""  # gettext("") is the catalogue's header
    if message.context is not None:
        return catalogue.pgettext(message.context, message.msgid)
    return catalogue.gettext(message.msgid)


def render(message: Translatable, catalogue: Catalogue | None, locale: str | None) -> str:
    """`message` in the language of `catalogue` (`locale` names it, for lists); a str passes through.

    With no catalogue the English msgid is shown.
    """
    if isinstance(message, str):
        return message
    if isinstance(message, Content):
        return getattr(message, language_code(locale)) or message.en
    if isinstance(message, ListOf):
        words = [render(item, catalogue, locale) for item in message.items]
        if message.style == "plain" or len(words) < 2:
            return ", ".join(words)
        code = language_code(locale)
        return format_list(words, style=BABEL_STYLES[message.style], locale=LIST_LOCALES.get(code, code))
    params = dict(message.params) if message.params is not None else None
    n = params.get(message.count, 1) if params is not None and message.plural is not None else 1
    text = _lookup(message, catalogue, int(n))  # type: ignore[call-overload]
    if params is None:
        return text
    values = {
        key: render(value, catalogue, locale) if isinstance(value, Message | ListOf | Content) else value
        for key, value in params.items()
    }
    return text % values
