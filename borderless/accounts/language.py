"""The visitor's language: the same page in another language, remembered in the language cookie."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpResponse, HttpResponseRedirect
from django.urls import reverse, translate_url
from django.utils import translation


def url_in_language(url: str, language: str) -> str:
    """The same page in another language; the start page if the URL is not one of ours."""
    path_language = translation.get_language_from_path(urlsplit(url).path)
    if path_language:
        # translate_url resolves in the active language, so resolve in the URL's own language.
        with translation.override(path_language):
            translated = translate_url(url, language)
        if translated != url or path_language == language:
            return translated
    with translation.override(language):
        return reverse("web:home")


def redirect_in_language(url: str, language: str) -> HttpResponse:
    """Redirect to `url` in `language` and remember the choice in the language cookie."""
    response = HttpResponseRedirect(url_in_language(url, language))
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=365 * 24 * 3600,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
    return response
