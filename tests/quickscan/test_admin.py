"""Staff look after quickscans and the follower-group thresholds in the admin."""

from __future__ import annotations

import pytest
from django.utils.translation import gettext, override

from borderless.quickscan.models import AdvisorAccess, Assessment, GroupRulesConfig
from borderless.quickscan.services import assessment_complete, assessment_start

from ..core.quickscan.builders import nothing_yet

pytestmark = pytest.mark.django_db


@pytest.fixture
def completed(alice) -> Assessment:
    organisation = alice.organisations.get()
    draft = assessment_start(organisation=organisation, user=alice)
    return assessment_complete(assessment=draft, answers=nothing_yet())


def test_admin_pages_load_for_staff(client, staff, completed, bob):
    AdvisorAccess.objects.create(organisation=completed.organisation, advisor=bob.organisations.get())
    client.force_login(staff)
    listing = client.get("/en/admin/quickscan/assessment/")
    assert listing.status_code == 200
    assert "Alice Precisietechniek B.V." in listing.content.decode()
    detail = client.get(f"/en/admin/quickscan/assessment/{completed.pk}/change/")
    assert detail.status_code == 200
    assert "D1.Q1.none" in detail.content.decode()  # the answers, read-only
    assert client.get("/en/admin/quickscan/assessment/?band__exact=basic&stage=0").status_code == 200
    assert client.get("/en/admin/quickscan/advisoraccess/").status_code == 200
    assert client.get("/de/admin/quickscan/grouprulesconfig/add/").status_code == 200


def test_scores_cannot_be_changed_in_the_admin(client, staff, completed):
    client.force_login(staff)
    response = client.post(f"/en/admin/quickscan/assessment/{completed.pk}/change/", {"overall": "99"})
    assert response.status_code == 403
    completed.refresh_from_db()
    assert completed.overall == 0
    assert client.get("/en/admin/quickscan/assessment/add/").status_code == 403


def test_admin_refuses_members_who_are_not_staff(client, alice):
    client.force_login(alice)
    response = client.get("/en/admin/quickscan/grouprulesconfig/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


VALID = {"frontrunner_min_stage": "5", "late_max_stage": "2", "late_min_q4_level": "3"}


@pytest.mark.parametrize(
    ("lang", "change", "message"),
    [
        ("de", {"late_max_stage": "5"}, "The highest Late Follower stage must be below the lowest Frontrunner stage."),
        (
            "nl",
            {"late_max_stage": "6", "frontrunner_min_stage": "3"},
            "The highest Late Follower stage must be below the lowest Frontrunner stage.",
        ),
        ("en", {"late_min_q4_level": "0"}, "Choose a level from 1 (considering it) to 5 (in regular operation)."),
        ("en", {"late_min_q4_level": "6"}, "Choose a level from 1 (considering it) to 5 (in regular operation)."),
        ("de", {"frontrunner_min_stage": "7"}, "Choose a stage from 1 to 6."),
        ("nl", {"late_max_stage": "9"}, "Choose a stage from 0 to 6."),
    ],
)
def test_admin_refuses_bad_thresholds_with_a_translated_message(client, staff, lang, change, message):
    client.force_login(staff)
    response = client.post(f"/{lang}/admin/quickscan/grouprulesconfig/add/", {**VALID, **change})
    assert response.status_code == 200
    with override(lang):
        assert gettext(message) in response.content.decode()
    assert not GroupRulesConfig.objects.exists()


def test_staff_set_the_thresholds_once_and_then_change_them(client, staff):
    client.force_login(staff)
    assert client.get("/en/admin/quickscan/grouprulesconfig/")["Location"].endswith("/grouprulesconfig/add/")
    response = client.post("/en/admin/quickscan/grouprulesconfig/add/", VALID)
    assert response.status_code == 302
    config = GroupRulesConfig.objects.get()
    assert (config.frontrunner_min_stage, config.late_max_stage, config.late_min_q4_level) == (5, 2, 3)
    # One row only: the list leads to it, and no second row can be added.
    assert client.get("/en/admin/quickscan/grouprulesconfig/")["Location"].endswith(f"/{config.pk}/change/")
    assert client.get("/en/admin/quickscan/grouprulesconfig/add/").status_code == 403
    client.post(f"/en/admin/quickscan/grouprulesconfig/{config.pk}/change/", {**VALID, "late_max_stage": "4"})
    config.refresh_from_db()
    assert config.late_max_stage == 4
