"""The demo's atlas: profiles for the demo organisations, a cross-border match for the SME personas."""

from __future__ import annotations

from collections import Counter

import pytest

from borderless.accounts.models import User
from borderless.atlas.demo import PERSONA_NEED
from borderless.atlas.models import AtlasProfile
from borderless.demo.services import demo_seed
from borderless.network.models import Participation, Project
from borderless.organisations.models import Organisation

pytestmark = pytest.mark.django_db


def snapshot():
    return {
        "profiles": list(AtlasProfile.objects.order_by("pk").values()),
        "offers": list(AtlasProfile.offers.through.objects.order_by("pk").values()),
        "needs": list(AtlasProfile.needs.through.objects.order_by("pk").values()),
        "projects": list(Project.objects.order_by("pk").values()),
        "participants": list(Participation.objects.order_by("pk").values()),
    }


def firm_of(email: str) -> Organisation:
    return User.objects.get(email=email).memberships.get(is_manager=True).organisation


def test_demo_profiles_cover_the_support_organisations_and_most_companies(demo):
    profiles = AtlasProfile.objects.select_related("organisation")
    kinds = Counter(p.organisation.kind for p in profiles)
    for kind in ("knowledge", "fieldlab", "hub", "intermediary"):
        assert kinds[kind] == Organisation.objects.filter(kind=kind).count(), kind
    companies = Organisation.objects.filter(kind="company").count()
    assert 0.75 * companies < kinds["company"] < 0.95 * companies
    visibility = Counter(p.visibility for p in profiles)
    assert visibility["public"] > visibility["registered"] > visibility["anonymous"] > 0
    for anonymous in profiles.filter(visibility="anonymous"):
        assert anonymous.contact_intermediary.kind == "intermediary"
    assert Project.objects.count() > 10
    assert all(p.offers.exists() for p in profiles.filter(organisation__kind="knowledge"))


def test_the_dutch_persona_needs_what_german_firms_offer(demo):
    nl, de = firm_of("sme.nl@demo.borderless.example"), firm_of("sme.de@demo.borderless.example")
    assert nl.atlas_profile.needs.filter(code=PERSONA_NEED).exists()
    assert de.atlas_profile.offers.filter(code=PERSONA_NEED).exists()
    assert nl.atlas_profile.visibility == de.atlas_profile.visibility == "public"
    german_offerers = AtlasProfile.objects.filter(
        offers__code=PERSONA_NEED, organisation__town__country="DE", organisation__kind="company"
    )
    assert german_offerers.count() >= 3


def test_seeding_twice_changes_nothing_in_the_atlas(demo):
    before = snapshot()
    demo_seed()
    assert snapshot() == before


def test_seeding_again_repairs_a_changed_profile_and_only_that(demo):
    before = snapshot()
    profile = AtlasProfile.objects.order_by("pk").first()
    profile.offers.clear()
    AtlasProfile.objects.filter(pk=profile.pk).update(visibility="registered", description="edited")

    demo_seed()

    after = snapshot()
    repaired = AtlasProfile.objects.get(pk=profile.pk)
    assert repaired.description != "edited"
    assert [p for p in after["profiles"] if p["id"] != profile.pk] == [
        p for p in before["profiles"] if p["id"] != profile.pk
    ]
    assert {c["competence_id"] for c in after["offers"] if c["atlasprofile_id"] == profile.pk} == {
        c["competence_id"] for c in before["offers"] if c["atlasprofile_id"] == profile.pk
    }
