"""An instrument's name and description are translated content fields: name_en … description_nl
(django-modeltranslation). The exchange files keep these column names (importexport.py)."""

from modeltranslation.translator import TranslationOptions, register

from borderless.core.i18n import LANGUAGES

from .models import Instrument


@register(Instrument)
class InstrumentTranslationOptions(TranslationOptions):
    fields = ("name", "description")
    required_languages = LANGUAGES
