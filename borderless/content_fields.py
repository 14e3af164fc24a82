"""Translated content fields (django-modeltranslation, declared in each app's translation.py).

`obj.label` reads the active language and falls back to English; a query on `label` (filter,
order_by, values) is rewritten by modeltranslation to the active language's column. What is left
here: a field in another language than the active one (an e-mail in the recipient's language), all
three stored values (exchange files, search terms, the core's texts), and the label of one
language's column in forms and the admin.

The settings import this module: it reads neither settings nor models when it is imported.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.utils import translation
from django.utils.translation import pgettext

if TYPE_CHECKING:
    from django.db import models

from borderless.core.i18n import LANGUAGES


def in_language(obj: models.Model, field: str, lang: str) -> str:
    """The field in `lang`, falling back to English like the field itself."""
    with translation.override(lang):
        return getattr(obj, field)


def translations(obj: models.Model, field: str) -> dict[str, str]:
    """The stored value of each language, "" where there is none, without falling back."""
    from modeltranslation.utils import build_localized_fieldname

    return {lang: getattr(obj, build_localized_fieldname(field, lang)) or "" for lang in LANGUAGES}


def localized_verbose_name(verbose_name, lang: str) -> str:
    """The label of one language's column, e.g. "name (German)" (MODELTRANSLATION_BUILD_LOCALIZED_VERBOSE_NAME)."""
    return pgettext("field in one language", "%(field)s (%(language)s)") % {
        "field": verbose_name,
        "language": dict(settings.LANGUAGES)[lang],
    }
