"""Helpers for the atlas tests: a loaded taxonomy and profiles written in different languages."""

from __future__ import annotations

import pytest

from borderless.atlas.models import AtlasProfile
from borderless.atlas.services import atlas_profile_save
from borderless.atlas.taxonomy import taxonomy_load
from tests.conftest import make_org

# An anonymous card shows its region, size and sector only when at least five organisations share
# them; tests that want to see an anonymous firm's NUTS-3 region give it four unlisted look-alikes.
LOOKALIKES = 4


@pytest.fixture
def taxonomy(db):
    taxonomy_load()


def lookalikes(organisation, n: int = LOOKALIKES) -> list:
    """Unlisted organisations without an atlas profile, of the same kind, town, size and sector."""
    return [
        make_org(
            f"Neighbour {i} of {organisation.town.name} ({organisation.pk})",
            kind=organisation.kind,
            town_name=organisation.town.name,
            country=organisation.country,
            listed=False,
            size_class=organisation.size_class,
            sector=organisation.sector,
        )
        for i in range(1, n + 1)
    ]


def reference_of(organisation) -> str:
    """The address of the organisation's anonymous atlas page."""
    return AtlasProfile.objects.get(organisation=organisation).public_reference


def profiled_org(name: str, *, town_name: str, country: str, offers=(), needs=(), visibility="public", **extra):
    description = extra.pop("description", "")
    intermediary = extra.pop("contact_intermediary", None)
    crowd = extra.pop("lookalikes", LOOKALIKES if visibility == "anonymous" else 0)
    organisation = make_org(name, town_name=town_name, country=country, **extra)
    lookalikes(organisation, crowd)
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
