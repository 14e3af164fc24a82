from django.apps import AppConfig


class I18nConfig(AppConfig):
    name = "borderless.i18n"
    label = "borderless_i18n"
    verbose_name = "Translation"
