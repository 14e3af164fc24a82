"""Staff confirm intermediaries and analysts with their organisation, and see who is being limited."""

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME

from borderless.accounts.models import LimitEvent, Role, User
from borderless.organisations.models import Organisation
from borderless.organisations.services import membership_add

from ..conftest import PASSWORD, make_user, persona

pytestmark = pytest.mark.django_db

USERS = "/en/admin/accounts/user/"
ORGANISATIONS = "/en/admin/organisations/organisation/"


@pytest.fixture
def ivo(db):
    """Signed up as an intermediary for "Novel-T B.V.", which another organisation's name matches."""
    return persona(
        "ivo@example.nl",
        "Novel-T B.V.",
        town_name="Enschede",
        country="NL",
        org_extra={
            "kind": "intermediary",
            "confirmed": False,
            "review_reason": "The name matches an existing organisation: Novel-T (novel-t)",
        },
        role=Role.INTERMEDIARY,
        role_confirmed=False,
    )


@pytest.fixture
def ann(db):
    """An analyst waiting for staff, at an organisation whose name matches nothing."""
    return persona(
        "ann@example.nl",
        "Provincie Test",
        town_name="Arnhem",
        country="NL",
        org_extra={"kind": "authority", "confirmed": False},
        role=Role.ANALYST,
        role_confirmed=False,
    )


INLINE = {"memberships-TOTAL_FORMS": "0", "memberships-INITIAL_FORMS": "0"}


def names(response) -> list[str]:
    return [str(row) for row in response.context["cl"].result_list]


def test_the_waiting_and_the_to_be_reviewed_filters(client, staff, alice, bob, ivo, ann):
    client.force_login(staff)
    assert names(client.get(USERS + "?waiting=yes")) == ["ann@example.nl", "ivo@example.nl"]
    assert names(client.get(USERS + "?review=yes")) == ["ivo@example.nl"]
    assert names(client.get(ORGANISATIONS + "?waiting=yes")) == ["Novel-T B.V.", "Provincie Test"]
    assert names(client.get(ORGANISATIONS + "?review=yes")) == ["Novel-T B.V."]


def test_one_action_confirms_the_person_and_their_organisation(client, staff, ivo, ann):
    client.force_login(staff)
    response = client.post(USERS, {"action": "confirm_role", ACTION_CHECKBOX_NAME: [ivo.pk]}, follow=True)
    assert response.status_code == 200
    assert "1 person confirmed, together with the organisation they manage." in response.content.decode()
    ivo.refresh_from_db()
    assert ivo.role_confirmed and ivo.effective_role == Role.INTERMEDIARY
    org = Organisation.objects.get(name="Novel-T B.V.")
    assert org.confirmed and org.review_reason == ""
    # Ann was not chosen and still waits.
    assert not User.objects.get(pk=ann.pk).role_confirmed
    assert not Organisation.objects.get(name="Provincie Test").confirmed


def test_confirming_an_organisation_confirms_its_managers_roles(client, staff, ann):
    client.force_login(staff)
    org = Organisation.objects.get(name="Provincie Test")
    colleague = make_user("col@example.nl")  # an SME-role member: nothing to confirm
    membership_add(organisation=org, user=colleague)
    client.post(ORGANISATIONS, {"action": "confirm", ACTION_CHECKBOX_NAME: [org.pk]})
    org.refresh_from_db()
    ann.refresh_from_db()
    assert org.confirmed and ann.role_confirmed and ann.effective_role == Role.ANALYST
    assert User.objects.get(pk=colleague.pk).role == Role.SME


def test_an_address_typed_in_the_admin_is_stored_in_its_normal_form(client, staff):
    client.force_login(staff)
    data = {"email": "Eve@Example.NL", "full_name": "Eve", "language": "en", "role": "sme"}
    data |= {"password1": PASSWORD, "password2": PASSWORD, **INLINE}
    response = client.post(USERS + "add/", data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert User.objects.filter(email="eve@example.nl").exists()


def test_the_admin_refuses_a_spelling_of_an_existing_address(client, staff):
    make_user("sme.de@demo.borderless.example")
    client.force_login(staff)
    data = {"email": "\u017fme.de@demo.borderless.example", "full_name": "X", "language": "en", "role": "sme"}
    data |= {"password1": PASSWORD, "password2": PASSWORD, **INLINE}
    response = client.post(USERS + "add/", data)
    assert response.status_code == 200
    assert "email" in response.context["adminform"].form.errors
    assert User.objects.count() == 2  # the existing account and staff


def test_staff_see_recent_limit_events_but_cannot_change_them(client, staff, alice):
    client.post("/en/accounts/login/", {"username": "alice@example.nl", "password": "wrong"})
    client.force_login(staff)
    listing = client.get("/en/admin/accounts/limitevent/?scope=login-address")
    assert listing.status_code == 200
    assert "alice@example.nl" in listing.content.decode()
    event = LimitEvent.objects.get(scope="login-address")
    assert client.get("/en/admin/accounts/limitevent/add/").status_code == 403
    assert client.post(f"/en/admin/accounts/limitevent/{event.pk}/change/", {"key": "x"}).status_code == 403
