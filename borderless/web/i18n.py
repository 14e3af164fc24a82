from __future__ import annotations

from urllib.parse import urlsplit

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
