"""Checking the parameters of criteria: small helpers that each criterion type combines.

Every check returns a list of `Problem`s (empty when all is well) with a message in the three
languages, so an editor or an import can show all that is wrong at once, in the user's language.
"""

from __future__ import annotations

from collections.abc import Callable, Container, Mapping, Sequence

from borderless.core.quickscan.text import LANGUAGES, Text

from .model import Problem

T = Text

UNKNOWN_TYPE = T(
    "Unknown kind of criterion: %(type)s.",
    "Unbekannte Art von Kriterium: %(type)s.",
    "Onbekend soort criterium: %(type)s.",
)
NOT_AN_OBJECT = T(
    "The settings of a criterion must be given as named values.",
    "Die Angaben zu einem Kriterium müssen als benannte Werte vorliegen.",
    "De gegevens van een criterium moeten als benoemde waarden worden opgegeven.",
)
UNKNOWN_PARAM = T(
    "Unknown setting: %(name)s.",
    "Unbekannte Angabe: %(name)s.",
    "Onbekend gegeven: %(name)s.",
)
MISSING = T(
    "Please fill in %(name)s.",
    "Bitte geben Sie %(name)s an.",
    "Vul %(name)s in.",
)
WRONG_TYPE = T(
    "%(name)s has the wrong form: expected %(expected)s.",
    "%(name)s hat die falsche Form: erwartet wird %(expected)s.",
    "%(name)s heeft de verkeerde vorm: verwacht wordt %(expected)s.",
)
EMPTY_CHOICE = T(
    "Choose at least one value for %(name)s.",
    "Wählen Sie mindestens einen Wert für %(name)s.",
    "Kies minstens één waarde voor %(name)s.",
)
BAD_CODE = T(
    "Not a valid %(what)s: %(value)s.",
    "Ungültiger Wert für %(what)s: %(value)s.",
    "Ongeldige waarde voor %(what)s: %(value)s.",
)
UNKNOWN_REGION = T(
    "Unknown region: %(value)s.",
    "Unbekannte Region: %(value)s.",
    "Onbekende regio: %(value)s.",
)
OUT_OF_RANGE = T(
    "%(name)s must be between %(lo)s and %(hi)s; it is %(value)s.",
    "%(name)s muss zwischen %(lo)s und %(hi)s liegen; angegeben ist %(value)s.",
    "%(name)s moet tussen %(lo)s en %(hi)s liggen; opgegeven is %(value)s.",
)
MIN_ABOVE_MAX = T(
    "The minimum (%(min)s) is above the maximum (%(max)s).",
    "Das Minimum (%(min)s) liegt über dem Maximum (%(max)s).",
    "Het minimum (%(min)s) ligt boven het maximum (%(max)s).",
)
NEEDS_MIN_OR_MAX = T(
    "Give a minimum, a maximum or both.",
    "Geben Sie ein Minimum, ein Maximum oder beides an.",
    "Geef een minimum, een maximum of beide op.",
)
MISSING_LANGUAGE = T(
    "The text is missing in %(language)s.",
    "Der Text fehlt auf %(language)s.",
    "De tekst ontbreekt in het %(language)s.",
)

# What a parameter should look like, for WRONG_TYPE.
A_LIST = T("a list of values", "eine Liste von Werten", "een lijst van waarden")
A_WHOLE_NUMBER = T("a whole number", "eine ganze Zahl", "een geheel getal")
A_TEXT = T(
    "a text in English, German and Dutch",
    "ein Text auf Englisch, Deutsch und Niederländisch",
    "een tekst in het Engels, Duits en Nederlands",
)
LANGUAGE_NAMES: dict[str, Text] = {
    "en": T("English", "Englisch", "Engels"),
    "de": T("German", "Deutsch", "Duits"),
    "nl": T("Dutch", "Niederländisch", "Nederlands"),
}


def problem(code: str, text: Text, param: str = "", **params: object) -> Problem:
    return Problem(code=code, text=text, params=params, param=param)


def check_keys(params: object, *, required: Sequence[str] = (), optional: Sequence[str] = ()) -> list[Problem]:
    """Problems with the parameter names: not a mapping, unknown names, missing required names."""
    if not isinstance(params, Mapping):
        return [problem("not_an_object", NOT_AN_OBJECT)]
    allowed = set(required) | set(optional)
    problems = [problem("unknown_param", UNKNOWN_PARAM, str(k), name=k) for k in params if k not in allowed]
    problems += [problem("missing", MISSING, name, name=name) for name in required if params.get(name) is None]
    return problems


def is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def check_choices(
    params: Mapping[str, object],
    name: str,
    valid: Container[str] | Callable[[str], bool],
    what: Text,
    normalise: Callable[[str], str] = str.strip,
) -> list[Problem]:
    """A non-empty list of strings, each valid after `normalise` (a container or a predicate)."""
    values = params.get(name)
    if values is None:
        return []  # reported by check_keys when required
    if isinstance(values, str) or not isinstance(values, Sequence):
        return [problem("wrong_type", WRONG_TYPE, name, name=name, expected=A_LIST)]
    if not values:
        return [problem("empty", EMPTY_CHOICE, name, name=name)]
    accepts = valid if callable(valid) else valid.__contains__
    return [
        problem("bad_code", BAD_CODE, name, what=what, value=str(value))
        for value in values
        if not isinstance(value, str) or not accepts(normalise(value))
    ]


def check_int(params: Mapping[str, object], name: str, lo: int, hi: int) -> list[Problem]:
    """An optional whole number from lo to hi."""
    value = params.get(name)
    if value is None:
        return []
    if not is_int(value):
        return [problem("wrong_type", WRONG_TYPE, name, name=name, expected=A_WHOLE_NUMBER)]
    if not lo <= value <= hi:
        return [problem("out_of_range", OUT_OF_RANGE, name, name=name, lo=lo, hi=hi, value=value)]
    return []


def check_min_max(params: Mapping[str, object], lo: int, hi: int) -> list[Problem]:
    """ "min" and "max", at least one of them, each from lo to hi, min not above max."""
    low, high = params.get("min"), params.get("max")
    if low is None and high is None:
        return [problem("needs_min_or_max", NEEDS_MIN_OR_MAX, "min")]
    problems = check_int(params, "min", lo, hi) + check_int(params, "max", lo, hi)
    if not problems and low is not None and high is not None and low > high:
        problems.append(problem("min_above_max", MIN_ABOVE_MAX, "min", min=low, max=high))
    return problems


def check_text(params: Mapping[str, object], name: str) -> list[Problem]:
    """A `Text` or a mapping {"en": ..., "de": ..., "nl": ...} with no language left empty."""
    value = params.get(name)
    if value is None or (isinstance(value, Text) and all(value.get(lang).strip() for lang in LANGUAGES)):
        return []
    if isinstance(value, Text):
        texts: Mapping[str, object] = {lang: value.get(lang) for lang in LANGUAGES}
    elif isinstance(value, Mapping):
        texts = value
    else:
        return [problem("wrong_type", WRONG_TYPE, name, name=name, expected=A_TEXT)]
    return [
        problem("missing_language", MISSING_LANGUAGE, name, language=LANGUAGE_NAMES[lang])
        for lang in LANGUAGES
        if not isinstance(texts.get(lang), str) or not str(texts.get(lang)).strip()
    ]


def integer(params: Mapping[str, object], name: str) -> int | None:
    """A checked whole-number parameter, or None when it is not given."""
    value = params.get(name)
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def strings(params: Mapping[str, object], name: str) -> list[str]:
    """A checked list parameter as strings."""
    values = params.get(name) or ()
    assert isinstance(values, Sequence)
    return [str(value) for value in values]


def as_text(value: object) -> Text:
    """A checked text parameter as a `Text`."""
    if isinstance(value, Text):
        return value
    assert isinstance(value, Mapping)
    return Text(en=str(value["en"]).strip(), de=str(value["de"]).strip(), nl=str(value["nl"]).strip())
