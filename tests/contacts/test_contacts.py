"""Asking for contact: details are revealed to both sides only on acceptance, and every step is kept."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from borderless.contacts import services
from borderless.contacts.models import AbuseReport, Block, ContactEvent, ContactRequest
from borderless.contacts.selectors import contact_details_for
from borderless.organisations.services import membership_add
from tests.atlas.atlas_profiles import reference_of
from tests.conftest import make_org, make_user

from .contact_setup import ALICE_CONTACT, DORA_CONTACT, hidden_firm, org_of, profile, t, with_profiles

pytestmark = pytest.mark.django_db

MESSAGE = "We make precision parts and look for a partner for sensor integration in Germany."


def send(alice, dora, message=MESSAGE) -> ContactRequest:
    return services.contact_request_send(
        requester_org=org_of(alice), receiver_org=org_of(dora), user=alice, message=message
    )


def detail_url(contact, lang="en") -> str:
    return f"/{lang}/atlas/contacts/{contact.pk}/"


# The whole flow on the website


def test_a_request_sent_and_accepted_reveals_both_sides_contact_details(client, alice, dora):
    with_profiles(alice, dora)
    client.force_login(alice)
    new_url = reverse("contacts:new", args=[org_of(dora).slug])

    page = client.get(new_url)
    assert page.status_code == 200
    assert t("en", "What is shared, and when") in page.content.decode()
    response = client.post(new_url, {"organisation": org_of(alice).slug, "message": MESSAGE})

    contact = ContactRequest.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("contacts:detail", args=[contact.pk])
    waiting = client.get(response["Location"]).content.decode()
    assert MESSAGE in waiting
    assert DORA_CONTACT not in waiting and "+49 2861" not in waiting
    assert t("en", "Contact details are shared only when the request is accepted.") in waiting

    client.force_login(dora)
    incoming = client.get(reverse("contacts:detail", args=[contact.pk])).content.decode()
    assert ALICE_CONTACT not in incoming
    assert 'data-testid="accept"' in incoming
    response = client.post(reverse("contacts:decide", args=[contact.pk]), {"decision": "accept"})
    assert response.status_code == 302

    contact.refresh_from_db()
    assert contact.state == ContactRequest.State.ACCEPTED
    seen_by_dora = client.get(detail_url(contact)).content.decode()
    assert ALICE_CONTACT in seen_by_dora and "+31 53 000 0000" in seen_by_dora
    client.force_login(alice)
    seen_by_alice = client.get(detail_url(contact)).content.decode()
    assert DORA_CONTACT in seen_by_alice and "+49 2861 000000" in seen_by_alice
    assert [e.action for e in contact.events.all()] == ["sent", "accepted"]


def test_a_declined_request_reveals_nothing(client, alice, dora):
    with_profiles(alice, dora)
    contact = send(alice, dora)
    client.force_login(dora)

    client.post(reverse("contacts:decide", args=[contact.pk]), {"decision": "decline"})

    contact.refresh_from_db()
    assert contact.state == ContactRequest.State.DECLINED
    assert contact_details_for(request=contact, viewer=alice) is None
    assert contact_details_for(request=contact, viewer=dora) is None
    assert ALICE_CONTACT not in client.get(detail_url(contact)).content.decode()
    client.force_login(alice)
    page = client.get(detail_url(contact)).content.decode()
    assert DORA_CONTACT not in page
    assert t("en", "Nothing has been shared: the request was not accepted.") in page


def test_without_a_profile_contact_email_the_managers_address_is_shared(alice, dora):
    profile(org_of(alice))
    profile(org_of(dora))
    contact = services.contact_request_decide(request=send(alice, dora), user=dora, accept=True)

    assert contact_details_for(request=contact, viewer=alice).emails == [dora.email]
    assert contact_details_for(request=contact, viewer=dora).emails == [alice.email]


def test_only_the_two_sides_ever_see_contact_details(alice, dora, charlie):
    with_profiles(alice, dora)
    contact = services.contact_request_decide(request=send(alice, dora), user=dora, accept=True)

    assert contact_details_for(request=contact, viewer=charlie) is None


# Who may act, and what others see


def test_others_requests_are_not_found(client, alice, dora, charlie):
    with_profiles(alice, dora)
    contact = send(alice, dora)
    client.force_login(charlie)

    assert client.get(detail_url(contact)).status_code == 404
    assert client.post(reverse("contacts:decide", args=[contact.pk]), {"decision": "accept"}).status_code == 404
    assert client.post(reverse("contacts:withdraw", args=[contact.pk])).status_code == 404
    assert client.post(reverse("contacts:report", args=[contact.pk]), {"reason": "x"}).status_code == 404
    contact.refresh_from_db()
    assert contact.state == ContactRequest.State.PENDING


def test_the_requester_cannot_accept_its_own_request(client, alice, dora):
    with_profiles(alice, dora)
    contact = send(alice, dora)
    client.force_login(alice)

    page = client.get(detail_url(contact)).content.decode()
    assert 'data-testid="accept"' not in page
    response = client.post(reverse("contacts:decide", args=[contact.pk]), {"decision": "accept"})

    assert response.status_code == 400
    assert t("en", "Only the organisation that was asked can answer this request.") in response.content.decode()
    contact.refresh_from_db()
    assert contact.state == ContactRequest.State.PENDING


def test_a_tampered_decision_is_refused_with_400(client, alice, dora):
    with_profiles(alice, dora)
    contact = send(alice, dora)
    client.force_login(dora)

    response = client.post(reverse("contacts:decide", args=[contact.pk]), {"decision": "maybe"})

    assert response.status_code == 400
    contact.refresh_from_db()
    assert contact.state == ContactRequest.State.PENDING


def test_state_changes_need_post(client, alice, dora):
    with_profiles(alice, dora)
    contact = send(alice, dora)
    client.force_login(dora)

    assert client.get(reverse("contacts:decide", args=[contact.pk])).status_code == 405
    assert client.get(reverse("contacts:withdraw", args=[contact.pk])).status_code == 405


def test_state_changes_need_the_csrf_token(alice, dora):
    from django.test import Client

    with_profiles(alice, dora)
    contact = send(alice, dora)
    client = Client(enforce_csrf_checks=True)
    client.force_login(dora)

    response = client.post(reverse("contacts:decide", args=[contact.pk]), {"decision": "accept"})

    assert response.status_code == 403
    contact.refresh_from_db()
    assert contact.state == ContactRequest.State.PENDING


def test_the_pages_need_a_login(client, alice, dora):
    with_profiles(alice, dora)
    response = client.get(reverse("contacts:new", args=[org_of(dora).slug]))
    assert response.status_code == 302 and "/login/" in response["Location"]
    assert client.get(reverse("contacts:list")).status_code == 302


# Refusals


@pytest.mark.parametrize(
    ("message", "code"),
    [("", "message_too_short"), ("Hi", "message_too_short"), ("x" * 1001, "message_too_long")],
)
def test_an_empty_or_too_long_message_is_refused(alice, dora, message, code):
    with_profiles(alice, dora)
    with pytest.raises(ValidationError) as refused:
        send(alice, dora, message=message)
    assert refused.value.code == code
    assert not ContactRequest.objects.exists()


def test_a_bad_message_on_the_page_shows_a_translated_error_and_stores_nothing(client, alice, dora):
    with_profiles(alice, dora)
    client.force_login(alice)

    response = client.post(
        reverse("contacts:new", args=[org_of(dora).slug]).replace("/en/", "/de/"),
        {"organisation": org_of(alice).slug, "message": "Hallo"},
    )

    assert response.status_code == 400
    expected = t("de", "Write a short message of at least %(min)d characters: who you are and why you ask.") % {
        "min": 10
    }
    assert expected in response.content.decode()
    assert not ContactRequest.objects.exists()


def test_an_organisation_cannot_ask_itself(alice):
    profile(org_of(alice))
    with pytest.raises(ValidationError) as refused:
        services.contact_request_send(
            requester_org=org_of(alice), receiver_org=org_of(alice), user=alice, message=MESSAGE
        )
    assert refused.value.code == "self_contact"


def test_only_a_member_can_ask_on_behalf_of_an_organisation(alice, dora, charlie):
    with_profiles(alice, dora)
    with pytest.raises(ValidationError) as refused:
        services.contact_request_send(
            requester_org=org_of(alice), receiver_org=org_of(dora), user=charlie, message=MESSAGE
        )
    assert refused.value.code == "not_member"
    assert not ContactRequest.objects.exists()


def test_another_members_organisation_in_the_form_is_refused(client, alice, dora, charlie):
    with_profiles(alice, dora)
    client.force_login(charlie)

    response = client.post(
        reverse("contacts:new", args=[org_of(dora).slug]),
        {"organisation": org_of(alice).slug, "message": MESSAGE},
    )

    assert response.status_code == 400
    assert not ContactRequest.objects.exists()


def test_an_organisation_without_a_profile_cannot_be_contacted(client, alice, dora):
    profile(org_of(alice))
    with pytest.raises(ValidationError) as refused:
        send(alice, dora)
    assert refused.value.code == "not_visible"
    client.force_login(alice)
    assert client.get(reverse("contacts:new", args=[org_of(dora).slug])).status_code == 404


def test_an_open_request_between_the_two_blocks_a_second_one_in_either_direction(alice, dora):
    with_profiles(alice, dora)
    send(alice, dora)

    with pytest.raises(ValidationError) as refused:
        send(alice, dora)
    assert refused.value.code == "already_open"
    with pytest.raises(ValidationError) as refused:
        services.contact_request_send(
            requester_org=org_of(dora), receiver_org=org_of(alice), user=dora, message=MESSAGE
        )
    assert refused.value.code == "already_open"
    assert ContactRequest.objects.count() == 1


def test_after_a_withdrawal_a_new_request_is_possible(alice, dora):
    with_profiles(alice, dora)
    services.contact_request_withdraw(request=send(alice, dora), user=alice)

    assert send(alice, dora).state == ContactRequest.State.PENDING


# Withdraw


def test_the_requester_withdraws_a_pending_request(client, alice, dora):
    with_profiles(alice, dora)
    contact = send(alice, dora)
    client.force_login(alice)

    response = client.post(reverse("contacts:withdraw", args=[contact.pk]))

    assert response.status_code == 302
    contact.refresh_from_db()
    assert contact.state == ContactRequest.State.WITHDRAWN
    assert [e.action for e in contact.events.all()] == ["sent", "withdrawn"]
    client.force_login(dora)
    page = client.get(detail_url(contact)).content.decode()
    assert 'data-testid="accept"' not in page


def test_an_answered_request_can_no_longer_be_withdrawn(alice, dora):
    with_profiles(alice, dora)
    contact = services.contact_request_decide(request=send(alice, dora), user=dora, accept=True)

    with pytest.raises(ValidationError) as refused:
        services.contact_request_withdraw(request=contact, user=alice)
    assert refused.value.code == "not_pending"


def test_the_receiver_cannot_withdraw(alice, dora):
    with_profiles(alice, dora)
    with pytest.raises(ValidationError) as refused:
        services.contact_request_withdraw(request=send(alice, dora), user=dora)
    assert refused.value.code == "not_allowed"


# State history and lists


def test_the_history_lists_every_step_with_its_organisation(client, alice, dora):
    with_profiles(alice, dora)
    contact = send(alice, dora)
    services.contact_request_decide(request=contact, user=dora, accept=False)
    client.force_login(alice)

    history = client.get(detail_url(contact)).content.decode().split('data-testid="contact-history"')[1]

    assert t("en", "sent") in history and "Alice Precisietechniek B.V." in history
    assert t("en", "declined") in history and "Dora Maschinenbau GmbH" in history
    events = list(contact.events.values_list("action", "organisation__name", "user__email"))
    assert events == [
        ("sent", "Alice Precisietechniek B.V.", alice.email),
        ("declined", "Dora Maschinenbau GmbH", dora.email),
    ]


def test_the_list_shows_incoming_and_outgoing_with_states(client, alice, dora):
    with_profiles(alice, dora)
    contact = send(alice, dora)
    client.force_login(dora)

    page = client.get(reverse("contacts:list")).content.decode()
    incoming = page.split('data-testid="incoming"')[1].split('data-testid="outgoing"')[0]
    assert "Alice Precisietechniek B.V." in incoming
    assert t("en", "waiting for an answer") in incoming
    assert reverse("contacts:detail", args=[contact.pk]) in incoming

    client.force_login(alice)
    page = client.get(reverse("contacts:list")).content.decode()
    outgoing = page.split('data-testid="outgoing"')[1].split('data-testid="introductions"')[0]
    assert "Dora Maschinenbau GmbH" in outgoing


# Anonymous receivers


def test_an_anonymous_firm_is_asked_through_its_intermediary_and_revealed_only_on_acceptance(client, alice, bob):
    profile(org_of(alice))
    firm, erik = hidden_firm(bob)
    client.force_login(alice)
    reference = reference_of(firm)

    form_page = client.get(reverse("contacts:new", args=[reference])).content.decode()
    assert "Geheimnisvolle" not in form_page
    assert "Bob Wirtschaftsförderung" in form_page  # who answers on the firm's behalf
    client.post(reverse("contacts:new", args=[reference]), {"organisation": org_of(alice).slug, "message": MESSAGE})

    contact = ContactRequest.objects.get()
    assert contact.receiver == firm and contact.broker == org_of(bob)
    waiting = client.get(detail_url(contact)).content.decode()
    assert "Geheimnisvolle" not in waiting and "geheim@sensorik.example" not in waiting
    assert "Bocholt" not in waiting  # no place more precise than the region
    listed = client.get(reverse("contacts:list")).content.decode()
    assert "Geheimnisvolle" not in listed

    client.force_login(erik)  # the firm's own members see the request too
    assert client.get(detail_url(contact)).status_code == 200
    client.force_login(bob)
    seen_by_bob = client.get(detail_url(contact)).content.decode()
    assert "Alice Precisietechniek B.V." in seen_by_bob
    client.post(reverse("contacts:decide", args=[contact.pk]), {"decision": "accept"})

    contact.refresh_from_db()
    assert contact.state == ContactRequest.State.ACCEPTED
    assert contact.events.last().note == "Bob Wirtschaftsförderung"
    client.force_login(alice)
    revealed = client.get(detail_url(contact)).content.decode()
    assert "Geheimnisvolle Sensorik GmbH" in revealed and "geheim@sensorik.example" in revealed
    # The intermediary answers for the firm, but is not a side: it does not receive contact details.
    assert contact_details_for(request=contact, viewer=bob) is None
    assert contact_details_for(request=contact, viewer=erik).name == "Alice Precisietechniek B.V."


def test_an_anonymous_firm_without_intermediary_cannot_be_asked(alice):
    profile(org_of(alice))
    firm = make_org("Stille Firma GmbH", town_name="Borken", country="DE")
    profile(firm, visibility="anonymous")

    with pytest.raises(ValidationError) as refused:
        services.contact_request_send(requester_org=org_of(alice), receiver_org=firm, user=alice, message=MESSAGE)
    assert refused.value.code == "no_intermediary"


def test_an_anonymous_firm_is_not_reachable_by_its_slug(client, alice, bob):
    profile(org_of(alice))
    firm, _erik = hidden_firm(bob)
    client.force_login(alice)

    assert client.get(reverse("contacts:new", args=[firm.slug])).status_code == 404


def test_the_firms_own_member_may_decline_instead_of_the_intermediary(alice, bob):
    profile(org_of(alice))
    firm, erik = hidden_firm(bob)
    contact = services.contact_request_send(requester_org=org_of(alice), receiver_org=firm, user=alice, message=MESSAGE)

    services.contact_request_decide(request=contact, user=erik, accept=False)

    contact.refresh_from_db()
    assert contact.state == ContactRequest.State.DECLINED
    assert contact_details_for(request=contact, viewer=alice) is None


def test_registered_only_profiles_can_be_asked_by_signed_in_members(alice, dora):
    profile(org_of(alice))
    profile(org_of(dora), visibility="registered")

    assert send(alice, dora).state == ContactRequest.State.PENDING


# Block and report


def test_a_blocked_organisation_cannot_ask_again_and_its_waiting_request_is_declined(client, alice, dora):
    with_profiles(alice, dora)
    contact = send(alice, dora)
    client.force_login(dora)

    response = client.post(reverse("contacts:block", args=[org_of(alice).slug]), {"organisation": org_of(dora).slug})

    assert response.status_code == 200
    assert Block.objects.filter(blocker=org_of(dora), blocked=org_of(alice)).exists()
    contact.refresh_from_db()
    assert contact.state == ContactRequest.State.DECLINED
    with pytest.raises(ValidationError) as refused:
        send(alice, dora)
    assert refused.value.code == "blocked"


def test_blocking_needs_to_be_for_ones_own_organisation(client, alice, dora, charlie):
    with_profiles(alice, dora)
    client.force_login(charlie)

    response = client.post(reverse("contacts:block", args=[org_of(alice).slug]), {"organisation": org_of(dora).slug})

    assert response.status_code == 400
    assert not Block.objects.exists()


def test_an_unknown_organisation_cannot_be_blocked(client, dora):
    client.force_login(dora)
    assert client.post(reverse("contacts:block", args=["no-such-firm"]), {"organisation": "x"}).status_code == 404


def test_the_receiver_reports_a_request_to_staff_without_telling_the_requester(client, alice, dora, staff):
    with_profiles(alice, dora)
    contact = send(alice, dora)
    client.force_login(dora)

    response = client.post(reverse("contacts:report", args=[contact.pk]), {"reason": "Advertising, not a request."})

    assert response.status_code == 302
    abuse = AbuseReport.objects.get()
    assert (abuse.request, abuse.reporter, abuse.reason) == (contact, dora, "Advertising, not a request.")
    assert contact.events.filter(action=ContactEvent.Action.REPORTED).exists()
    client.force_login(alice)
    history = client.get(detail_url(contact)).content.decode().split('data-testid="contact-history"')[1]
    assert t("en", "reported") not in history
    assert not alice.notifications.filter(action="reported").exists()


def test_a_report_without_reason_is_refused(client, alice, dora):
    with_profiles(alice, dora)
    contact = send(alice, dora)
    client.force_login(dora)

    response = client.post(reverse("contacts:report", args=[contact.pk]), {"reason": "  "})

    assert response.status_code == 400
    assert not AbuseReport.objects.exists()


def test_the_requester_cannot_report_its_own_request(alice, dora):
    with_profiles(alice, dora)
    with pytest.raises(ValidationError):
        services.report(request=send(alice, dora), user=alice, reason="spam")
    assert not AbuseReport.objects.exists()


def test_a_second_member_of_the_receiver_can_answer(alice, dora):
    with_profiles(alice, dora)
    colleague = make_user("frank@dora.example", language="de")
    membership_add(organisation=org_of(dora), user=colleague, is_manager=False)
    contact = send(alice, dora)

    services.contact_request_decide(request=contact, user=colleague, accept=True)

    contact.refresh_from_db()
    assert contact.state == ContactRequest.State.ACCEPTED


def test_staff_find_the_reports_in_the_admin(client, alice, dora, staff):
    with_profiles(alice, dora)
    services.report(request=send(alice, dora), user=dora, reason="Looks like a mass mailing.")
    client.force_login(staff)

    page = client.get("/en/admin/contacts/abusereport/")

    assert page.status_code == 200
    assert "Alice Precisietechniek B.V." in page.content.decode()
