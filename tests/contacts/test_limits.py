"""Limits against spam: per requesting organisation and day, and per receiving organisation and day."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from borderless.contacts import services
from borderless.contacts.models import ContactRequest
from borderless.contacts.selectors import remaining_today
from borderless.organisations.services import membership_add
from tests.conftest import make_org, make_user

from .contact_setup import org_of, profile, t

pytestmark = pytest.mark.django_db

MESSAGE = "We are looking for a partner for a joint R&D project on condition monitoring."


def firms(n: int, prefix: str):
    """n German firms with public profiles, each with one member."""
    result = []
    for i in range(n):
        org = make_org(f"{prefix} {i} GmbH", town_name="Borken", country="DE")
        profile(org)
        user = make_user(f"{prefix.lower()}{i}@example.de", language="de")
        membership_add(organisation=org, user=user, is_manager=True)
        result.append((org, user))
    return result


def test_an_organisation_sends_at_most_the_daily_limit(settings, alice):
    settings.ATLAS_CONTACT_DAILY_LIMIT = 3
    profile(org_of(alice))
    receivers = firms(4, "Ziel")
    for org, _user in receivers[:3]:
        services.contact_request_send(requester_org=org_of(alice), receiver_org=org, user=alice, message=MESSAGE)
    assert remaining_today(organisation=org_of(alice)) == 0

    with pytest.raises(ValidationError) as refused:
        services.contact_request_send(
            requester_org=org_of(alice), receiver_org=receivers[3][0], user=alice, message=MESSAGE
        )

    assert refused.value.code == "daily_limit"
    assert ContactRequest.objects.count() == 3


def test_withdrawn_requests_still_count_towards_the_day(settings, alice):
    settings.ATLAS_CONTACT_DAILY_LIMIT = 1
    profile(org_of(alice))
    (first, _), (second, _) = firms(2, "Ziel")
    contact = services.contact_request_send(requester_org=org_of(alice), receiver_org=first, user=alice,
                                            message=MESSAGE)  # fmt: skip
    services.contact_request_withdraw(request=contact, user=alice)

    with pytest.raises(ValidationError) as refused:
        services.contact_request_send(requester_org=org_of(alice), receiver_org=second, user=alice, message=MESSAGE)
    assert refused.value.code == "daily_limit"


def test_yesterdays_requests_do_not_count(settings, alice):
    settings.ATLAS_CONTACT_DAILY_LIMIT = 1
    profile(org_of(alice))
    (first, _), (second, _) = firms(2, "Ziel")
    services.contact_request_send(requester_org=org_of(alice), receiver_org=first, user=alice, message=MESSAGE)
    ContactRequest.objects.update(created_at=timezone.now() - timedelta(days=1, hours=1))

    contact = services.contact_request_send(
        requester_org=org_of(alice), receiver_org=second, user=alice, message=MESSAGE
    )

    assert contact.pk is not None


def test_a_firm_receives_at_most_the_receiver_limit_from_all_senders(settings, dora):
    settings.ATLAS_CONTACT_RECEIVER_DAILY_LIMIT = 2
    profile(org_of(dora))
    senders = firms(3, "Absender")
    for org, user in senders[:2]:
        services.contact_request_send(requester_org=org, receiver_org=org_of(dora), user=user, message=MESSAGE)

    org, user = senders[2]
    with pytest.raises(ValidationError) as refused:
        services.contact_request_send(requester_org=org, receiver_org=org_of(dora), user=user, message=MESSAGE)

    assert refused.value.code == "receiver_limit"
    assert ContactRequest.objects.filter(receiver=org_of(dora)).count() == 2


def test_the_default_limits_are_ten_and_three(dora):
    profile(org_of(dora))
    senders = firms(4, "Absender")
    for org, user in senders[:3]:
        services.contact_request_send(requester_org=org, receiver_org=org_of(dora), user=user, message=MESSAGE)
    with pytest.raises(ValidationError) as refused:
        org, user = senders[3]
        services.contact_request_send(requester_org=org, receiver_org=org_of(dora), user=user, message=MESSAGE)
    assert refused.value.code == "receiver_limit"
    assert remaining_today(organisation=senders[0][0]) == 9


def test_the_pages_show_the_remaining_requests_and_the_rule(client, settings, alice):
    settings.ATLAS_CONTACT_DAILY_LIMIT = 5
    profile(org_of(alice))
    (target, _), (other, _) = firms(2, "Ziel")
    services.contact_request_send(requester_org=org_of(alice), receiver_org=target, user=alice, message=MESSAGE)
    client.force_login(alice)

    limits = client.get(reverse("contacts:list")).content.decode().split('data-testid="limits"')[1]
    form = client.get(reverse("contacts:new", args=[other.slug])).content.decode()

    assert "Alice Precisietechniek B.V.: 4 " in limits
    assert "5" in limits and "3" in limits  # the rule: 5 sent, 3 received per day
    assert "Alice Precisietechniek B.V. can send 4 more requests today (at most 5 a day)." in " ".join(form.split())


def test_over_the_limit_the_page_explains_and_stores_nothing(client, settings, alice):
    settings.ATLAS_CONTACT_DAILY_LIMIT = 1
    profile(org_of(alice))
    (first, _), (second, _) = firms(2, "Ziel")
    services.contact_request_send(requester_org=org_of(alice), receiver_org=first, user=alice, message=MESSAGE)
    client.force_login(alice)

    response = client.post(
        reverse("contacts:new", args=[second.slug]).replace("/en/", "/nl/"),
        {"organisation": org_of(alice).slug, "message": MESSAGE},
    )

    assert response.status_code == 400
    expected = t("nl", "Your organisation has used its %(limit)d requests for today. Please try again tomorrow.")
    assert expected % {"limit": 1} in response.content.decode()
    assert ContactRequest.objects.count() == 1


def test_an_introduction_counts_for_the_broker_and_for_both_receivers(settings, bob):
    settings.ATLAS_CONTACT_RECEIVER_DAILY_LIMIT = 1
    (a, _), (b, _), (c, _) = firms(3, "Partner")
    services.introduction_create(broker_org=org_of(bob), user=bob, org_a=a, org_b=b, message=MESSAGE)

    with pytest.raises(ValidationError) as refused:
        services.introduction_create(broker_org=org_of(bob), user=bob, org_a=a, org_b=c, message=MESSAGE)
    assert refused.value.code == "receiver_limit"
    with pytest.raises(ValidationError) as refused:
        services.contact_request_send(requester_org=c, receiver_org=b, user=firms_user(c), message=MESSAGE)
    assert refused.value.code == "receiver_limit"
    assert remaining_today(organisation=org_of(bob)) == 9


def firms_user(org):
    return org.members.get()
