"""`{{ message|translated }}`: a core message in the page's language."""

from django import template

from borderless.i18n.translation import translate

register = template.Library()


@register.filter
def translated(message):
    return translate(message) if message is not None else ""
