"""Atlas profiles for the contact tests: who can be found, and how (plain helpers, called by the tests)."""

from __future__ import annotations

from django.utils.translation import gettext, override

from borderless.atlas.models import AtlasProfile, Visibility
from borderless.organisations.services import membership_add
from tests.conftest import make_org, make_user

DORA_CONTACT = "kontakt@dora-maschinenbau.example"
ALICE_CONTACT = "info@alice-precisie.example"


def t(lang: str, message: str) -> str:
    with override(lang):
        return gettext(message)


def org_of(user):
    return user.organisations.get()


def profile(organisation, **extra) -> AtlasProfile:
    return AtlasProfile.objects.create(organisation=organisation, **extra)


def with_profiles(alice, dora):
    """Alice's Dutch firm and Dora's German firm, both with public atlas profiles and contact details."""
    profile(org_of(alice), contact_email=ALICE_CONTACT, contact_phone="+31 53 000 0000")
    profile(org_of(dora), contact_email=DORA_CONTACT, contact_phone="+49 2861 000000")
    return alice, dora


def hidden_firm(bob, *, lookalikes: int = 4):
    """An anonymous German firm whose requests bob's intermediary answers; its member is erik.

    With its unlisted look-alikes, enough organisations share its kind, NUTS-3 region (Borken), size
    and sector for its card to show them: "Company in Borken (DE)".
    """
    from tests.atlas.atlas_profiles import lookalikes as make_lookalikes

    erik = make_user("erik@geheim.example", language="de")
    firm = make_org("Geheimnisvolle Sensorik GmbH", town_name="Bocholt", country="DE", working_languages=["de"])
    make_lookalikes(firm, lookalikes)
    membership_add(organisation=firm, user=erik, is_manager=True)
    profile(
        firm,
        visibility=Visibility.ANONYMOUS,
        contact_intermediary=org_of(bob),
        contact_email="geheim@sensorik.example",
    )
    return firm, erik
