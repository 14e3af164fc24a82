"""Checking the parameters of criteria: small helpers that each criterion type combines.

Every check returns a list of `Problem`s (empty when all is well) with a message the app
translates, so an editor or an import can show all that is wrong at once, in the user's language.
"""

from __future__ import annotations

from collections.abc import Callable, Container, Mapping, Sequence
from typing import TypeGuard

from borderless.core.i18n import LANGUAGES, Content, Message, _

from .model import Problem

UNKNOWN_TYPE = _("Unknown kind of criterion: %(type)s.")
NOT_AN_OBJECT = _("The settings of a criterion must be given as named values.")
UNKNOWN_PARAM = _("Unknown setting: %(name)s.")
MISSING = _("Please fill in %(name)s.")
WRONG_TYPE = _("%(name)s has the wrong form: expected %(expected)s.")
EMPTY_CHOICE = _("Choose at least one value for %(name)s.")
BAD_CODE = _("Not a valid %(what)s: %(value)s.")
UNKNOWN_REGION = _("Unknown region: %(value)s.")
OUT_OF_RANGE = _("%(name)s must be between %(lo)s and %(hi)s; it is %(value)s.")
MIN_ABOVE_MAX = _("The minimum (%(min)s) is above the maximum (%(max)s).")
NEEDS_MIN_OR_MAX = _("Give a minimum, a maximum or both.")
MISSING_LANGUAGE = _("The text is missing in %(language)s.")

# What a parameter should look like, for WRONG_TYPE.
A_LIST = _("a list of values")
A_WHOLE_NUMBER = _("a whole number")
A_TEXT = _("a text in English, German and Dutch")
LANGUAGE_NAMES: dict[str, Message] = {
    "en": _("English"),
    "de": _("German"),
    "nl": _("Dutch"),
}


def problem(code: str, text: Message, param: str = "", **params: object) -> Problem:
    return Problem(code=code, text=text, params=params, param=param)


def check_keys(params: object, *, required: Sequence[str] = (), optional: Sequence[str] = ()) -> list[Problem]:
    """Problems with the parameter names: not a mapping, unknown names, missing required names."""
    if not isinstance(params, Mapping):
        return [problem("not_an_object", NOT_AN_OBJECT)]
    allowed = set(required) | set(optional)
    problems = [problem("unknown_param", UNKNOWN_PARAM, str(k), name=k) for k in params if k not in allowed]
    problems += [problem("missing", MISSING, name, name=name) for name in required if params.get(name) is None]
    return problems


def is_int(value: object) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def check_choices(
    params: Mapping[str, object],
    name: str,
    valid: Container[str] | Callable[[str], bool],
    what: Message,
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
    if not problems and is_int(low) and is_int(high) and low > high:
        problems.append(problem("min_above_max", MIN_ABOVE_MAX, "min", min=low, max=high))
    return problems


def check_text(params: Mapping[str, object], name: str) -> list[Problem]:
    """A `Content` or a mapping {"en": ..., "de": ..., "nl": ...} with no language left empty."""
    value = params.get(name)
    if isinstance(value, Content):
        texts: Mapping[str, object] = {lang: getattr(value, lang) for lang in LANGUAGES}
    elif value is None:
        return []
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
    assert isinstance(values, Sequence)  # noqa: S101 - narrows the type; validate() checked it
    return [str(value) for value in values]


def as_text(value: object) -> Content:
    """A checked text parameter as a `Content`."""
    if isinstance(value, Content):
        return value
    assert isinstance(value, Mapping)  # noqa: S101 - narrows the type; validate() checked it
    return Content(en=str(value["en"]).strip(), de=str(value["de"]).strip(), nl=str(value["nl"]).strip())
