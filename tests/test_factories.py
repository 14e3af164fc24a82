"""The factories make objects as the product does: accounts that log in, organisations in real towns."""

import pytest

from borderless.atlas.taxonomy import taxonomy_load
from borderless.organisations.models import Membership
from tests.factories import (
    PASSWORD,
    AtlasProfileFactory,
    CallFactory,
    MembershipFactory,
    OrganisationFactory,
    StaffFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def test_a_user_logs_in_with_the_shared_password(client):
    user = UserFactory(email="Eva@Example.NL")

    assert client.login(username="eva@example.nl", password=PASSWORD)
    assert (user.role, user.role_confirmed, user.full_name) == ("sme", True, "Eva")


def test_staff_are_superusers():
    staff = StaffFactory()

    assert staff.is_staff and staff.is_superuser and staff.effective_role == "admin"


def test_an_organisation_lies_in_the_named_reference_town():
    organisation = OrganisationFactory(name="Sensorik Borken GmbH", town_name="Borken", country="DE")

    assert (organisation.town.name, organisation.country, organisation.slug) == ("Borken", "DE", "sensorik-borken-gmbh")
    assert organisation.listed_publicly and organisation.sector.code == "28"
    assert organisation.language_codes == ["nl", "en"]


def test_a_membership_brings_its_user_and_organisation():
    membership = MembershipFactory(is_manager=True)

    assert Membership.objects.get(user=membership.user).organisation == membership.organisation
    assert membership.is_manager


def test_an_atlas_profile_is_saved_by_the_service():
    taxonomy_load()

    profile = AtlasProfileFactory(offers=["tech.sensors"])

    assert list(profile.offers.values_list("code", flat=True)) == ["tech.sensors"]
    assert profile.contact_email == f"info@{profile.organisation.slug}.example"


def test_a_call_belongs_to_an_instrument_in_three_languages():
    call = CallFactory()

    instrument = call.instrument
    assert instrument.calls.get() == call
    assert instrument.name_de.endswith("(DE)") and instrument.name_nl.endswith("(NL)")
