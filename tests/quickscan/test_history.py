"""The history: every quickscan of a firm, oldest first, with the change since the first and the previous."""

from __future__ import annotations

import pytest

from borderless.organisations.models import Organisation
from borderless.organisations.services import membership_add
from borderless.quickscan.services import advisor_access_grant, advisor_access_revoke
from tests.conftest import make_user
from tests.core.quickscan import builders

from .completed import complete, fast_follower_answers

pytestmark = pytest.mark.django_db


def org_of(user) -> Organisation:
    return Organisation.objects.get(memberships__user=user)


@pytest.fixture
def three_quickscans(alice):
    """A Late Follower at stage 0 who grows into a Fast Follower at stage 2, then adds green practices."""
    org = org_of(alice)
    first = complete(org, builders.nothing_yet(), days_ago=60)
    second = complete(org, fast_follower_answers(), days_ago=30)
    later = fast_follower_answers()
    later["D6.Q10"] = builders.all_ticked("D6.Q10")  # D6: 10 × mean(10, 0) = 50
    third = complete(org, later)
    return first, second, third


def test_every_quickscan_oldest_first_with_changes(client, alice, three_quickscans):
    first, second, third = three_quickscans
    client.force_login(alice)
    response = client.get("/en/quickscan/history/")
    assert response.status_code == 200
    history = response.context["history"]
    assert [row.public_id for row in history.rows] == [str(a.public_id) for a in (first, second, third)]
    assert [row.stage for row in history.rows] == [0, 2, 2]
    assert [row.group for row in history.rows] == ["Late Follower", "Fast Follower", "Fast Follower"]

    assert history.rows[0].since_previous is None
    since_previous = history.rows[2].since_previous
    assert since_previous.dimensions == (0, 0, 0, 0, 0, 50)
    assert since_previous.stage == 0
    assert since_previous.overall == pytest.approx(50 / 6)

    since_first = history.since_first
    assert since_first.stage == 2
    assert since_first.dimensions[0] == 50 and since_first.dimensions[5] == 50
    assert since_first.overall == pytest.approx(third.overall - first.overall)
    assert (since_first.group_from, since_first.group_to) == ("Late Follower", "Fast Follower")


def test_the_page_shows_the_changes_and_a_radar_of_first_and_latest(client, alice, three_quickscans):
    client.force_login(alice)
    page = client.get("/en/quickscan/history/").content.decode()
    assert "series-first" in page and "series-main" in page
    assert "(+50.0)" in page  # D6 since the previous quickscan
    assert "+2" in page  # stage since the first
    assert "Late Follower → Fast Follower" in page
    assert "Since the first, the overall score changed by +" in page
    for assessment in three_quickscans:
        assert f"/en/quickscan/results/{assessment.public_id}/" in page


def test_one_quickscan_has_no_changes_yet(client, alice):
    complete(org_of(alice), builders.nothing_yet())
    client.force_login(alice)
    response = client.get("/en/quickscan/history/")
    history = response.context["history"]
    assert len(history.rows) == 1 and history.since_first is None
    assert "series-first" not in response.content.decode()
    assert "Change since the first quickscan" not in response.content.decode()


def test_changes_are_written_in_the_page_language(client, alice, three_quickscans):
    client.force_login(alice)
    response = client.get("/nl/quickscan/history/")
    assert "(+50,0)" in response.content.decode()


def test_an_account_without_organisation_is_told_so(client, db):
    client.force_login(make_user("eve@example.nl"))
    response = client.get("/en/quickscan/history/")
    assert response.status_code == 200
    assert "You do not belong to an organisation yet" in response.content.decode()


def test_a_visitor_is_sent_to_log_in(client, alice, three_quickscans):
    response = client.get(f"/en/quickscan/organisations/{org_of(alice).slug}/history/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_another_firms_member_gets_404(client, alice, dora, three_quickscans):
    client.force_login(dora)
    assert client.get(f"/en/quickscan/organisations/{org_of(alice).slug}/history/").status_code == 404


def test_an_unknown_organisation_is_404(client, alice):
    client.force_login(alice)
    assert client.get("/en/quickscan/organisations/no-such-firm/history/").status_code == 404


def test_an_advisor_sees_the_history_while_granted(client, alice, bob, three_quickscans):
    path = f"/en/quickscan/organisations/{org_of(alice).slug}/history/"
    client.force_login(bob)
    assert client.get(path).status_code == 404
    grant = advisor_access_grant(organisation=org_of(alice), advisor=org_of(bob), user=alice)
    response = client.get(path)
    assert response.status_code == 200
    assert len(response.context["history"].rows) == 3
    assert "Take the quickscan again" not in response.content.decode()  # advisors do not take it for the firm
    advisor_access_revoke(grant=grant)
    assert client.get(path).status_code == 404


def test_staff_see_any_history(client, staff, alice, three_quickscans):
    client.force_login(staff)
    assert client.get(f"/en/quickscan/organisations/{org_of(alice).slug}/history/").status_code == 200


def test_a_member_of_two_firms_sees_the_first_and_links_to_the_other(client, alice, dora, three_quickscans):
    membership_add(organisation=org_of(dora), user=alice, is_manager=False)
    client.force_login(alice)
    response = client.get("/en/quickscan/history/")
    assert response.context["organisation"].name == "Alice Precisietechniek B.V."  # managed first
    dora_slug = Organisation.objects.get(name__startswith="Dora").slug
    assert f"/en/quickscan/organisations/{dora_slug}/history/" in response.content.decode()
