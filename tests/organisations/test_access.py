"""Who may edit an organisation's profile: one rule, and every page and the API follow it."""

from __future__ import annotations

import json

import pytest

from borderless.atlas.services import atlas_profile_save
from borderless.instruments.matching import snapshot_clear
from borderless.organisations.models import Organisation
from borderless.organisations.selectors import organisation_manageable_by
from borderless.organisations.services import membership_add
from tests.conftest import make_user
from tests.factories import StaffFactory
from tests.instruments.finder_data import make_instrument

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_snapshot():
    snapshot_clear()
    yield
    snapshot_clear()


@pytest.fixture
def organisation(alice) -> Organisation:
    organisation = alice.organisations.get()
    # An unknown founding year makes the instrument's reason link to the profile, for those who may edit it.
    Organisation.objects.filter(pk=organisation.pk).update(founded_year=None)
    make_instrument("founded", criteria=[{"type": "max_firm_age", "years": 5}])
    atlas_profile_save(organisation=organisation, offers=[], needs=[])
    return Organisation.objects.get(pk=organisation.pk)


def _colleague(organisation):
    colleague = make_user("colleague@example.nl")
    membership_add(organisation=organisation, user=colleague, is_manager=False)
    return colleague


def _staff_member(organisation):
    member = StaffFactory(email="staff-member@borderless.test")
    membership_add(organisation=organisation, user=member, is_manager=False)
    return member


def _what_each_entry_point_says(client, user, organisation) -> dict[str, bool]:
    client.force_login(user)
    edit_url = f"/en/organisations/{organisation.slug}/edit/"
    mine = client.get("/en/instruments/for-my-organisation/").context["might_fit"][0].reasons[0]
    detail = client.get("/en/instruments/founded/").context["match"]["reasons"][0]
    api = client.post(
        "/api/instruments/match", json.dumps({"organisation": organisation.slug}), content_type="application/json"
    ).json()["results"][0]["reasons"][0]
    return {
        "selector": organisation_manageable_by(user=user, organisation=organisation),
        "organisation page": client.get(f"/en/organisations/{organisation.slug}/").context["can_edit"],
        "atlas page": client.get(f"/en/atlas/{organisation.slug}/").context["can_edit"],
        "instruments for my organisation": mine.link_url == edit_url,
        "instrument page": detail.link_url == edit_url,
        "api match": (api["action_url"] or "").endswith(edit_url),
    }


@pytest.mark.parametrize(
    ("who", "may_edit"), [("manager", True), ("colleague", False), ("staff member", True)], ids=str
)
def test_pages_and_api_agree_on_who_may_edit_the_profile(client, alice, organisation, who, may_edit):
    user = {"manager": lambda: alice, "colleague": lambda: _colleague(organisation),
            "staff member": lambda: _staff_member(organisation)}[who]()  # fmt: skip
    said = _what_each_entry_point_says(client, user, organisation)
    assert said == dict.fromkeys(said, may_edit)


def test_a_visitor_and_a_stranger_may_not_edit(alice, dora, organisation):
    from django.contrib.auth.models import AnonymousUser

    assert not organisation_manageable_by(user=AnonymousUser(), organisation=organisation)
    assert not organisation_manageable_by(user=dora, organisation=organisation)
