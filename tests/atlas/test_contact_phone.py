"""The contact phone of an atlas profile: checked, stored in E.164, shown in a form people know."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from borderless.atlas.models import AtlasProfile
from borderless.atlas.services import atlas_profile_save
from borderless.contacts.selectors import details_of
from tests.atlas.atlas_profiles import taxonomy  # noqa: F401
from tests.atlas.test_profiles import EDIT, post_data
from tests.conftest import make_org

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("taxonomy")]


def saved_phone(client, user, typed: str, lang: str = "en"):
    client.force_login(user)
    response = client.post(f"/{lang}/atlas/profile/", post_data(contact_phone=typed))
    return response, AtlasProfile.objects.filter(organisation=user.organisations.get()).first()


@pytest.mark.parametrize(
    "typed",
    ["053 123 4567", "+31 53 123 4567", "0031 (0)53-1234567", "+31531234567"],
)
def test_a_dutch_firm_types_its_number_as_it_likes_and_it_is_stored_in_e164(client, alice, typed):
    response, profile = saved_phone(client, alice, typed)
    assert response.status_code == 302, response.context["form"].errors
    assert str(profile.contact_phone.as_e164) == "+31531234567"
    assert AtlasProfile.objects.filter(contact_phone="+31531234567").exists()  # the column holds E.164


def test_a_german_firms_national_number_is_read_as_german(client, dora):
    response, profile = saved_phone(client, dora, "02861 123456", lang="de")
    assert response.status_code == 302, response.context["form"].errors
    assert profile.contact_phone.as_e164 == "+492861123456"


def test_the_form_shows_an_own_country_number_nationally_and_a_foreign_one_internationally(client, alice):
    saved_phone(client, alice, "053 123 4567")
    assert 'value="053 123 4567"' in client.get(EDIT).content.decode()
    saved_phone(client, alice, "+49 2861 123456")
    html = client.get(EDIT).content.decode()
    assert 'value="+49 2861 123456"' in html and 'type="tel"' in html


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        ("en", "Enter a valid phone number (e.g. 010 123 4567) or a number with an international call prefix."),
        (
            "de",
            "Bitte geben Sie eine gültige Telefonnummer (z. B. 010 123 4567) oder eine Nummer mit internationaler "
            "Vorwahl ein.",
        ),
        ("nl", "Vul een geldig telefoonnummer in (bijvoorbeeld: 010 123 4567)"),
    ],
)
def test_a_number_that_is_no_phone_number_is_refused_in_the_readers_language(client, alice, lang, message):
    response, profile = saved_phone(client, alice, "12345", lang=lang)
    assert response.status_code == 400
    assert profile is None
    assert message in " ".join(response.context["form"].errors["contact_phone"])


def test_a_german_firm_is_shown_a_german_example(client, dora):
    response, _profile = saved_phone(client, dora, "12345", lang="de")
    assert response.status_code == 400
    assert "(z. B. 030 123456)" in " ".join(response.context["form"].errors["contact_phone"])


def test_the_service_refuses_an_invalid_number_too(alice):
    with pytest.raises(ValidationError):
        atlas_profile_save(organisation=alice.organisations.get(), offers=[], needs=[], contact_phone="call us")
    assert not AtlasProfile.objects.exists()


def test_the_other_side_sees_the_number_in_international_format(alice, dora):
    atlas_profile_save(organisation=dora.organisations.get(), offers=[], needs=[], contact_phone="02861 123456")
    assert details_of(dora.organisations.get()).phone == "+49 2861 123456"
    atlas_profile_save(organisation=alice.organisations.get(), offers=[], needs=[], contact_phone="")
    assert details_of(alice.organisations.get()).phone == ""


def test_a_profile_made_in_code_is_stored_in_e164(db):
    organisation = make_org("Code B.V.", town_name="Enschede", country="NL")
    profile = AtlasProfile.objects.create(organisation=organisation, contact_phone="+31 53 000 0000")
    profile.refresh_from_db()
    assert profile.contact_phone.as_e164 == "+31530000000"
    assert str(profile.contact_phone) == "+31 53 000 0000"
