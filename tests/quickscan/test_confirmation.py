"""An advising organisation reads nothing of a client until staff have confirmed it and its member's role.

The tester's case: anyone could sign up as an intermediary named "Novel-T", be chosen as an adviser,
and read a firm's result, JSON export and history.
"""

from __future__ import annotations

from html import escape

import pytest
from django.core import mail
from django.utils import translation

from borderless.accounts.models import Role
from borderless.accounts.services import confirmation_grant
from borderless.organisations.models import Organisation
from borderless.organisations.services import membership_add
from borderless.quickscan import selectors
from borderless.quickscan.models import AdvisorAccess
from tests.conftest import make_org, make_user, persona

from .completed import complete, fast_follower_answers

pytestmark = pytest.mark.django_db

PENDING = "Confirmation by our staff is pending."


def org_of(user) -> Organisation:
    return Organisation.objects.get(memberships__user=user)


def translated(lang: str, message: str) -> str:
    with translation.override(lang):
        return translation.gettext(message)


def client_pages(result) -> dict[str, str]:
    slug = result.organisation.slug
    return {
        "result": f"/en/quickscan/results/{result.public_id}/",
        "json": f"/en/quickscan/results/{result.public_id}/assessment.json",
        "pdf": f"/en/quickscan/results/{result.public_id}/report.pdf",
        "history": f"/en/quickscan/organisations/{slug}/history/",
    }


@pytest.fixture
def result(alice):
    return complete(org_of(alice), fast_follower_answers())


@pytest.fixture
def impostor(db):
    """Signed up as an intermediary "Novel-T": neither the role nor the organisation is confirmed."""
    return persona(
        "novel-t@example.org",
        "Novel-T",
        town_name="Enschede",
        country="NL",
        org_extra={"kind": "intermediary", "confirmed": False},
        role=Role.INTERMEDIARY,
        role_confirmed=False,
    )


def grant_directly(result, advisor_org, by):
    """A grant as it may exist from before the fix (the form no longer offers such an organisation)."""
    return AdvisorAccess.objects.create(organisation=result.organisation, advisor=advisor_org, granted_by=by)


def test_an_unconfirmed_intermediary_is_neither_listed_nor_offered_as_adviser(client, alice, bob, impostor):
    client.force_login(alice)
    response = client.get("/en/quickscan/advisors/")
    choices = [org.name for org in response.context["grant_form"].fields["advisor"].queryset]
    assert choices == ["Bob Wirtschaftsförderung"]
    refused = client.post("/en/quickscan/advisors/", {"action": "grant", "advisor": org_of(impostor).pk})
    assert refused.status_code == 400
    assert not AdvisorAccess.objects.filter(advisor=org_of(impostor)).exists()
    assert org_of(impostor) not in Organisation.objects.listed()


@pytest.mark.parametrize("page", ["result", "json", "pdf", "history"])
def test_a_grant_to_an_unconfirmed_organisation_shows_nothing(client, alice, impostor, result, page):
    grant_directly(result, org_of(impostor), alice)
    client.force_login(impostor)
    assert client.get(client_pages(result)[page]).status_code == 404


@pytest.mark.parametrize("page", ["result", "json", "pdf", "history"])
def test_an_unconfirmed_member_of_a_confirmed_organisation_sees_nothing(client, alice, bob, result, page):
    newcomer = make_user("new@example.de", role=Role.INTERMEDIARY, confirmed=False)
    membership_add(organisation=org_of(bob), user=newcomer)
    grant_directly(result, org_of(bob), alice)
    client.force_login(newcomer)
    assert client.get(client_pages(result)[page]).status_code == 404
    client.force_login(bob)  # the confirmed colleague does
    assert client.get(client_pages(result)[page]).status_code == 200


def test_a_confirmed_role_at_an_unconfirmed_organisation_sees_nothing(client, alice, result):
    user = make_user("half@example.org", role=Role.INTERMEDIARY, confirmed=True)
    org = make_org("Half Confirmed", kind="intermediary", town_name="Enschede", country="NL", confirmed=False)
    membership_add(organisation=org, user=user, is_manager=True)
    grant_directly(result, org, alice)
    assert not selectors.can_view_organisation_results(user=user, organisation=result.organisation)
    assert list(selectors.advised_organisations(user=user)) == []
    assert list(selectors.assessments_of_clients(user=user)) == []
    assert selectors.client_progress(user=user) == []


def test_the_client_list_of_an_unconfirmed_intermediary_is_empty_and_says_why(client, alice, impostor, result):
    grant_directly(result, org_of(impostor), alice)
    client.force_login(impostor)
    response = client.get("/en/quickscan/clients/")
    assert response.status_code == 200
    page = response.content.decode()
    assert PENDING in page
    assert "Alice Precisietechniek" not in page


@pytest.mark.parametrize("lang", ["de", "nl", "en"])
@pytest.mark.parametrize("path", ["/{lang}/dashboard/", "/{lang}/quickscan/clients/", "/{lang}/quickscan/advisors/"])
def test_the_pages_say_that_confirmation_is_pending_in_the_page_language(client, impostor, lang, path):
    client.force_login(impostor)
    page = client.get(path.format(lang=lang)).content.decode()
    assert escape(translated(lang, PENDING)) in page


def test_an_unconfirmed_analyst_is_told_too(client):
    analyst = make_user("ann@example.nl", role=Role.ANALYST, confirmed=False)
    membership_add(
        organisation=make_org("Provincie Test", kind="authority", town_name="Arnhem", country="NL", confirmed=False),
        user=analyst,
        is_manager=True,
    )
    client.force_login(analyst)
    assert PENDING in client.get("/en/dashboard/").content.decode()


def test_confirmed_people_are_not_told(client, alice, bob, charlie):
    for user in (alice, bob, charlie):
        client.force_login(user)
        assert PENDING not in client.get("/en/dashboard/").content.decode()


def test_an_sme_member_of_an_advising_organisation_reads_no_client(client, alice, bob, result):
    colleague = make_user("sme-colleague@example.de")
    membership_add(organisation=org_of(bob), user=colleague)
    grant_directly(result, org_of(bob), alice)
    client.force_login(colleague)
    assert client.get(client_pages(result)["result"]).status_code == 404


def test_once_staff_confirm_the_person_and_the_organisation_the_grant_works(client, alice, impostor, result):
    grant_directly(result, org_of(impostor), alice)
    confirmation_grant(users=[impostor])
    client.force_login(impostor)
    assert client.get(client_pages(result)["result"]).status_code == 200
    assert PENDING not in client.get("/en/quickscan/clients/").content.decode()
    assert mail.outbox == []
