"""Advisor access (a firm lets an intermediary see its results) and an intermediary's clients."""

from __future__ import annotations

import pytest

from borderless.accounts.models import Role
from borderless.organisations.models import Organisation
from borderless.organisations.services import membership_add
from borderless.quickscan.models import AdvisorAccess
from borderless.quickscan.services import advisor_access_grant, advisor_access_revoke
from tests.conftest import make_org, make_user
from tests.core.quickscan import builders

from .completed import complete, fast_follower_answers

pytestmark = pytest.mark.django_db

ADVISORS = "/en/quickscan/advisors/"
CLIENTS = "/en/quickscan/clients/"


def org_of(user) -> Organisation:
    return Organisation.objects.get(memberships__user=user)


def active_grants() -> list[tuple[str, str]]:
    return list(
        AdvisorAccess.objects.filter(revoked_at__isnull=True).values_list("organisation__name", "advisor__name")
    )


# --- advisors ------------------------------------------------------------------------------------


def test_a_manager_can_choose_only_listed_advising_organisations(client, alice, bob, dora):
    hub = make_org("Twente Hub", kind="hub", town_name="Enschede", country="NL")
    make_org("Hidden Agency", kind="intermediary", town_name="Enschede", country="NL", listed=False)
    client.force_login(alice)
    response = client.get(ADVISORS)
    assert response.status_code == 200
    choices = [org.name for org in response.context["grant_form"].fields["advisor"].queryset]
    assert choices == ["Bob Wirtschaftsförderung", hub.name]
    assert "No advisor can see your results." in response.content.decode()


def test_granting_access_lets_the_advisor_see_the_result(client, alice, bob):
    result = complete(org_of(alice), fast_follower_answers())
    client.force_login(alice)
    response = client.post(ADVISORS, {"action": "grant", "advisor": org_of(bob).pk}, follow=True)
    assert response.redirect_chain[-1][0] == ADVISORS
    assert "Bob Wirtschaftsförderung can now see your quickscan results." in response.content.decode()
    assert active_grants() == [("Alice Precisietechniek B.V.", "Bob Wirtschaftsförderung")]
    assert "Revoke access for Bob Wirtschaftsförderung" in response.content.decode()
    # a granted advisor is no longer offered
    assert org_of(bob) not in response.context["grant_form"].fields["advisor"].queryset
    client.force_login(bob)
    assert client.get(f"/en/quickscan/results/{result.public_id}/").status_code == 200


def test_revoking_access_ends_it(client, alice, bob):
    result = complete(org_of(alice), fast_follower_answers())
    grant = advisor_access_grant(organisation=org_of(alice), advisor=org_of(bob), user=alice)
    client.force_login(alice)
    response = client.post(ADVISORS, {"action": "revoke", "grant": grant.pk}, follow=True)
    assert "Bob Wirtschaftsförderung can no longer see your quickscan results." in response.content.decode()
    assert active_grants() == []
    client.force_login(bob)
    assert client.get(f"/en/quickscan/results/{result.public_id}/").status_code == 404


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"action": "grant", "advisor": ""}, "Please choose the organisation that should see your results."),
        ({"action": "grant", "advisor": "999999"}, "Please choose an organisation from the list."),
        ({"action": "grant", "advisor": "not-a-number"}, "Please choose an organisation from the list."),
        ({"action": "revoke", "grant": "999999"}, "This access has already been revoked."),
        ({"action": "delete-everything"}, "Nothing was changed: the form was not understood."),
    ],
)
def test_bad_input_is_named_and_changes_nothing(client, alice, bob, data, message):
    advisor_access_grant(organisation=org_of(alice), advisor=org_of(bob), user=alice)
    before = active_grants()
    client.force_login(alice)
    response = client.post(ADVISORS, data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert active_grants() == before


def test_a_company_cannot_be_made_an_advisor(client, alice, dora):
    client.force_login(alice)
    response = client.post(ADVISORS, {"action": "grant", "advisor": org_of(dora).pk})
    assert response.status_code == 400
    assert active_grants() == []


def test_another_firms_grant_cannot_be_revoked(client, alice, bob, dora):
    dora_grant = advisor_access_grant(organisation=org_of(dora), advisor=org_of(bob), user=dora)
    client.force_login(alice)
    response = client.post(ADVISORS, {"action": "revoke", "grant": dora_grant.pk})
    assert response.status_code == 400
    assert active_grants() == [("Dora Maschinenbau GmbH", "Bob Wirtschaftsförderung")]


def test_members_who_do_not_manage_see_the_list_but_cannot_change_it(client, alice, bob):
    colleague = make_user("carla@example.nl")
    membership_add(organisation=org_of(alice), user=colleague, is_manager=False)
    advisor_access_grant(organisation=org_of(alice), advisor=org_of(bob), user=alice)
    client.force_login(colleague)
    response = client.get(ADVISORS)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Bob Wirtschaftsförderung" in page
    assert "Only the managers of your organisation can grant or revoke access." in page
    assert 'name="action"' not in page
    grant = AdvisorAccess.objects.get()
    assert client.post(ADVISORS, {"action": "revoke", "grant": grant.pk}).status_code == 403
    assert len(active_grants()) == 1


def test_an_organisation_the_user_does_not_belong_to_is_404(client, alice, dora):
    client.force_login(alice)
    assert client.get(ADVISORS + f"?organisation={org_of(dora).slug}").status_code == 404
    assert (
        client.post(ADVISORS + f"?organisation={org_of(dora).slug}", {"action": "grant", "advisor": "1"}).status_code
        == 404
    )


def test_an_account_without_organisation_gets_404_and_a_visitor_logs_in(client, db):
    assert client.get(ADVISORS).status_code == 302
    client.force_login(make_user("eve@example.nl"))
    assert client.get(ADVISORS).status_code == 404


# --- clients -------------------------------------------------------------------------------------


def test_an_intermediary_sees_the_clients_that_granted_access_with_their_progress(client, alice, bob, dora):
    org = org_of(alice)
    complete(org, builders.nothing_yet(), days_ago=30)
    latest = complete(org, fast_follower_answers())
    complete(org_of(dora), fast_follower_answers())  # dora grants nothing
    advisor_access_grant(organisation=org, advisor=org_of(bob), user=alice)
    client.force_login(bob)
    response = client.get(CLIENTS)
    assert response.status_code == 200
    [row] = response.context["clients"]
    assert (row.name, row.count, row.stage, row.group) == ("Alice Precisietechniek B.V.", 2, 2, "Fast Follower")
    assert row.overall == latest.overall
    assert row.stage_change == "+2"
    page = response.content.decode()
    assert "Dora Maschinenbau" not in page
    assert f"/en/quickscan/organisations/{org.slug}/history/" in page
    assert f"/en/quickscan/results/{latest.public_id}/" in page


def test_a_client_without_quickscan_is_listed_without_figures(client, alice, bob):
    advisor_access_grant(organisation=org_of(alice), advisor=org_of(bob), user=alice)
    client.force_login(bob)
    response = client.get(CLIENTS)
    assert "No quickscan completed yet." in response.content.decode()


def test_a_revoked_client_disappears(client, alice, bob):
    grant = advisor_access_grant(organisation=org_of(alice), advisor=org_of(bob), user=alice)
    advisor_access_revoke(grant=grant)
    client.force_login(bob)
    assert client.get(CLIENTS).context["clients"] == ()


@pytest.mark.parametrize("who", ["alice", "charlie"])
def test_others_may_not_see_a_client_list(client, request, alice, who):
    client.force_login(request.getfixturevalue(who))
    assert client.get(CLIENTS).status_code == 403


def test_an_unconfirmed_intermediary_sees_no_client_and_is_told_why(client, alice, bob):
    advisor_access_grant(organisation=org_of(alice), advisor=org_of(bob), user=alice)
    newcomer = make_user("ivo@example.nl", role=Role.INTERMEDIARY, confirmed=False)
    membership_add(organisation=org_of(bob), user=newcomer)
    client.force_login(newcomer)
    response = client.get(CLIENTS)
    assert response.context["clients"] == ()
    assert "Confirmation by our staff is pending." in response.content.decode()
    assert "Alice Precisietechniek" not in response.content.decode()


def test_a_visitor_is_sent_to_log_in_for_clients(client, db):
    assert client.get(CLIENTS).status_code == 302


# --- the personal overview -----------------------------------------------------------------------


def test_the_overview_shows_the_latest_result_and_its_history(client, alice):
    org = org_of(alice)
    complete(org, builders.nothing_yet(), days_ago=30)
    latest = complete(org, fast_follower_answers())
    client.force_login(alice)
    page = client.get("/en/dashboard/").content.decode()
    assert f"/en/quickscan/results/{latest.public_id}/" in page
    assert f"/en/quickscan/organisations/{org.slug}/history/" in page
    assert "acatech stage 2, Fast Follower" in page
    assert "/en/quickscan/clients/" not in page


def test_the_overview_of_an_intermediary_links_to_the_clients(client, bob):
    client.force_login(bob)
    page = client.get("/en/dashboard/").content.decode()
    assert "/en/quickscan/clients/" in page
    assert "No quickscan has been completed yet." in page


@pytest.mark.django_db
def test_an_unconfirmed_organisation_cannot_be_granted_access_even_without_the_form(alice, bob):
    advisor = org_of(bob)
    advisor.confirmed = False
    advisor.save(update_fields=["confirmed"])
    with pytest.raises(ValueError):
        advisor_access_grant(organisation=org_of(alice), advisor=advisor, user=alice)
    assert not advisor.client_grants.exists()
