"""An intermediary introduces two organisations; both must accept before anything is shared."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from borderless.contacts import services
from borderless.contacts.models import ContactRequest
from borderless.contacts.selectors import contact_details_for
from borderless.organisations.services import membership_add
from tests.conftest import make_org, make_user

from .contact_setup import ALICE_CONTACT, DORA_CONTACT, hidden_firm, org_of, profile, t, with_profiles

pytestmark = pytest.mark.django_db

WHY = "Alice needs sensor integration; Dora builds exactly that. You should meet at the fair in Hengelo."


def introduce(bob, alice, dora) -> ContactRequest:
    return services.introduction_create(
        broker_org=org_of(bob), user=bob, org_a=org_of(alice), org_b=org_of(dora), message=WHY
    )


def test_an_intermediary_introduces_two_organisations_on_the_page(client, alice, bob, dora):
    with_profiles(alice, dora)
    client.force_login(bob)

    page = client.get(reverse("contacts:introduce"))
    assert page.status_code == 200
    response = client.post(
        reverse("contacts:introduce"),
        {"broker": org_of(bob).slug, "organisation_a": org_of(alice).slug, "organisation_b": org_of(dora).slug,
         "message": WHY},
    )  # fmt: skip

    contact = ContactRequest.objects.get()
    assert response.status_code == 302
    assert (contact.kind, contact.broker, contact.requester, contact.receiver) == (
        ContactRequest.Kind.INTRODUCTION,
        org_of(bob),
        org_of(alice),
        org_of(dora),
    )
    assert (contact.requester_accepted, contact.receiver_accepted) == (False, False)


def test_both_must_accept_before_details_are_shared(client, alice, bob, dora):
    with_profiles(alice, dora)
    contact = introduce(bob, alice, dora)
    client.force_login(alice)

    client.post(reverse("contacts:decide", args=[contact.pk]), {"decision": "accept"})

    contact.refresh_from_db()
    assert contact.state == ContactRequest.State.PENDING and contact.requester_accepted
    assert contact_details_for(request=contact, viewer=alice) is None
    page = client.get(reverse("contacts:detail", args=[contact.pk])).content.decode()
    assert DORA_CONTACT not in page
    assert 'data-testid="accept"' not in page  # alice has answered

    client.force_login(dora)
    client.post(reverse("contacts:decide", args=[contact.pk]), {"decision": "accept"})

    contact.refresh_from_db()
    assert contact.state == ContactRequest.State.ACCEPTED
    assert ALICE_CONTACT in client.get(reverse("contacts:detail", args=[contact.pk])).content.decode()
    client.force_login(alice)
    assert DORA_CONTACT in client.get(reverse("contacts:detail", args=[contact.pk])).content.decode()
    assert contact_details_for(request=contact, viewer=bob) is None  # the broker introduced, it is no side
    assert [(e.action, e.organisation.name) for e in contact.events.all()] == [
        ("sent", "Bob Wirtschaftsförderung"),
        ("accepted", "Alice Precisietechniek B.V."),
        ("accepted", "Dora Maschinenbau GmbH"),
    ]


def test_one_side_declining_ends_the_introduction(alice, bob, dora):
    with_profiles(alice, dora)
    contact = introduce(bob, alice, dora)
    services.contact_request_decide(request=contact, user=alice, accept=True)

    contact = services.contact_request_decide(request=contact, user=dora, accept=False)

    assert contact.state == ContactRequest.State.DECLINED
    assert contact_details_for(request=contact, viewer=alice) is None
    with pytest.raises(ValidationError):
        services.contact_request_decide(request=contact, user=alice, accept=True)


def test_the_broker_cannot_accept_for_the_sides_but_can_withdraw(alice, bob, dora):
    with_profiles(alice, dora)
    contact = introduce(bob, alice, dora)

    with pytest.raises(ValidationError) as refused:
        services.contact_request_decide(request=contact, user=bob, accept=True)
    assert refused.value.code == "not_allowed"
    with pytest.raises(ValidationError):
        services.contact_request_withdraw(request=contact, user=alice)

    assert services.contact_request_withdraw(request=contact, user=bob).state == ContactRequest.State.WITHDRAWN


def test_only_confirmed_intermediaries_introduce(client, alice, dora, charlie):
    with_profiles(alice, dora)
    unconfirmed = make_user("ida@example.de", role="intermediary", confirmed=False)
    membership_add(
        organisation=make_org("Ida Beratung", kind="intermediary", town_name="Münster", country="DE"),
        user=unconfirmed,
    )

    for user in (alice, unconfirmed):
        client.force_login(user)
        assert client.get(reverse("contacts:introduce")).status_code == 403
        with pytest.raises(ValidationError) as refused:
            services.introduction_create(
                broker_org=org_of(user), user=user, org_a=org_of(alice), org_b=org_of(dora), message=WHY
            )
        assert refused.value.code in {"not_intermediary", "broker_is_party"}
    assert not ContactRequest.objects.exists()


def test_the_same_organisation_twice_is_refused_on_the_page(client, alice, bob, dora):
    with_profiles(alice, dora)
    client.force_login(bob)

    response = client.post(
        reverse("contacts:introduce"),
        {"broker": org_of(bob).slug, "organisation_a": org_of(alice).slug, "organisation_b": org_of(alice).slug,
         "message": WHY},
    )  # fmt: skip

    assert response.status_code == 400
    assert t("en", "Choose two different organisations.") in response.content.decode()
    assert not ContactRequest.objects.exists()


def test_an_anonymous_firm_is_offered_only_to_its_own_intermediary(client, alice, bob, dora):
    with_profiles(alice, dora)
    firm, _erik = hidden_firm(bob)
    other = make_user("otto@example.nl", role="intermediary", language="nl")
    membership_add(
        organisation=make_org("Otto Innovatiehuis", kind="intermediary", town_name="Enschede", country="NL"),
        user=other,
    )

    client.force_login(other)
    page = client.get(reverse("contacts:introduce")).content.decode()
    assert "Geheimnisvolle" not in page and "Dora Maschinenbau GmbH" in page
    with pytest.raises(ValidationError) as refused:
        services.introduction_create(broker_org=org_of(other), user=other, org_a=org_of(alice), org_b=firm, message=WHY)
    assert refused.value.code == "not_visible"

    client.force_login(bob)
    assert "Geheimnisvolle Sensorik GmbH" in client.get(reverse("contacts:introduce")).content.decode()


def test_the_anonymous_side_of_an_introduction_stays_hidden_from_the_other_until_both_accept(client, alice, bob):
    profile(org_of(alice))
    firm, erik = hidden_firm(bob)
    contact = services.introduction_create(broker_org=org_of(bob), user=bob, org_a=org_of(alice), org_b=firm,
                                           message=WHY)  # fmt: skip
    client.force_login(alice)

    assert "Geheimnisvolle" not in client.get(reverse("contacts:detail", args=[contact.pk])).content.decode()
    services.contact_request_decide(request=contact, user=alice, accept=True)
    services.contact_request_decide(request=contact, user=erik, accept=True)

    assert "Geheimnisvolle Sensorik GmbH" in client.get(reverse("contacts:detail", args=[contact.pk])).content.decode()


def test_introductions_respect_blocks(alice, bob, dora):
    with_profiles(alice, dora)
    services.block(blocker_org=org_of(dora), blocked_org=org_of(alice), user=dora)

    with pytest.raises(ValidationError) as refused:
        introduce(bob, alice, dora)
    assert refused.value.code == "blocked"
