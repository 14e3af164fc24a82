"""Helpers for the atlas tests: a loaded taxonomy and profiles written in different languages."""

from __future__ import annotations

import pytest

from borderless.atlas.services_profiles import atlas_profile_save
from borderless.atlas.taxonomy import taxonomy_load
from tests.conftest import make_org


@pytest.fixture
def taxonomy(db):
    taxonomy_load()


def profiled_org(name: str, *, town_name: str, country: str, offers=(), needs=(), visibility="public", **extra):
    description = extra.pop("description", "")
    intermediary = extra.pop("contact_intermediary", None)
    organisation = make_org(name, town_name=town_name, country=country, **extra)
    if visibility == "anonymous" and intermediary is None:
        intermediary = make_org(
            f"Regional Agency {town_name}", kind="intermediary", town_name=town_name, country=country
        )
    atlas_profile_save(
        organisation=organisation,
        offers=offers,
        needs=needs,
        description=description,
        visibility=visibility,
        contact_intermediary=intermediary,
        contact_email=f"info@{organisation.slug}.example",
        contact_phone="+31 53 000 0000",
    )
    return organisation
