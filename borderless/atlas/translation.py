"""The taxonomy's labels are translated content fields: label_en, label_de, label_nl (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from borderless.core.i18n import LANGUAGES

from .models import Competence


@register(Competence)
class CompetenceTranslationOptions(TranslationOptions):
    fields = ("label",)
    required_languages = LANGUAGES
