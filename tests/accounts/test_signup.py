import pytest
from django.urls import reverse
from django.utils import translation

from borderless.accounts.models import User
from borderless.organisations.models import Membership, Organisation, Town

from ..conftest import town


def signup_data(**overrides):
    data = {
        "full_name": "Eva Jansen",
        "email": "eva@example.nl",
        "password1": "a-long-and-unusual-passphrase",
        "password2": "a-long-and-unusual-passphrase",
        "language": "nl",
        "role": "sme",
        "name": "Jansen Kunststoffen B.V.",
        "kind": "company",
        "town": town("Enschede", "NL").pk,
        "size_class": "small",
        "sector": "22",
        "founded_year": "2004",
        "website": "www.jansen.example",
        "working_languages": ["nl", "de"],
        "description": "Spuitgieten voor de maakindustrie.",
        "listed_publicly": "on",
    }
    data.update(overrides)
    return data


@pytest.mark.django_db
def test_sme_sign_up_creates_account_organisation_and_membership_and_logs_in(client):
    response = client.post(reverse("accounts:signup"), signup_data())
    assert response.status_code == 302
    assert response["Location"] == "/nl/dashboard/"
    user = User.objects.get(email="eva@example.nl")
    assert user.check_password("a-long-and-unusual-passphrase")
    assert user.password.startswith("argon2")
    assert user.role == "sme" and user.role_confirmed
    org = Organisation.objects.get(name="Jansen Kunststoffen B.V.")
    assert org.country == "NL" and org.nuts3.code == "NL213" and org.in_programme_area
    assert org.website == "https://www.jansen.example"
    assert org.language_codes == ["nl", "de"]
    assert Membership.objects.get(user=user, organisation=org).is_manager
    assert client.get("/nl/dashboard/").status_code == 200


@pytest.mark.django_db
def test_intermediary_role_waits_for_staff_confirmation(client):
    data = signup_data(role="intermediary", kind="intermediary", email="ivo@example.nl")
    assert client.post(reverse("accounts:signup"), data).status_code == 302
    user = User.objects.get(email="ivo@example.nl")
    assert user.role == "intermediary" and not user.role_confirmed
    assert user.effective_role == "sme"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"password2": "something-else-entirely"}, "password2"),
        ({"password1": "12345678901", "password2": "12345678901"}, "password1"),
        ({"email": "not-an-address"}, "email"),
        ({"town": "999999999"}, "town"),
        ({"founded_year": "3000"}, "founded_year"),
        ({"kind": "authority"}, "kind"),  # an SME signs up for a company
        ({"working_languages": []}, "working_languages"),
        ({"name": ""}, "name"),
    ],
)
def test_invalid_sign_up_rerenders_with_message_and_creates_nothing(client, overrides, field):
    users, orgs = User.objects.count(), Organisation.objects.count()
    response = client.post(reverse("accounts:signup"), signup_data(**overrides))
    assert response.status_code == 400
    assert field in response.context["form"].errors
    assert (User.objects.count(), Organisation.objects.count()) == (users, orgs)


@pytest.mark.django_db
def test_duplicate_email_is_refused_whatever_its_case(client, alice):
    response = client.post(reverse("accounts:signup"), signup_data(email="ALICE@example.nl"))
    assert response.status_code == 400
    assert "email" in response.context["form"].errors
    assert User.objects.filter(email__iexact="alice@example.nl").count() == 1


@pytest.mark.django_db
def test_sign_up_errors_are_in_the_page_language(client):
    response = client.post("/de/accounts/signup/", signup_data(password2="different-password-here"))
    with translation.override("de"):
        expected = translation.gettext("The two passwords differ.")
    assert expected in response.content.decode()


@pytest.mark.django_db
def test_town_list_offers_real_towns_with_coordinates(client):
    response = client.get(reverse("accounts:signup"))
    assert response.status_code == 200
    assert "Enschede" in response.content.decode()
    # Coordinates come from GeoNames; every town has plausible ones for the border region.
    for t in Town.objects.filter(nuts3__in_programme_area=True):
        assert 50.5 < t.latitude < 54.0 and 3.3 < t.longitude < 9.5, t
