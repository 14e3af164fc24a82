"""Reads for the API. Who appears publicly is decided by the organisations app's directory selector."""

from __future__ import annotations

from django.http import Http404

from borderless.organisations.models import Organisation
from borderless.organisations.selectors import DirectoryFilters, organisation_directory


def organisation_public_get(*, slug: str) -> Organisation:
    """One organisation from the public directory; an unlisted one is indistinguishable from an unknown one."""
    organisation = organisation_directory(filters=DirectoryFilters()).filter(slug=slug).first()
    if organisation is None:
        raise Http404
    return organisation
