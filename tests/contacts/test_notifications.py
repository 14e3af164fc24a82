"""Everyone concerned is told: in the app and by e-mail, each in their own language."""

from __future__ import annotations

import pytest
from django.core import mail
from django.urls import reverse

from borderless.contacts import services
from borderless.contacts.models import Notification

from .contact_setup import ALICE_CONTACT, hidden_firm, org_of, profile, t, with_profiles

pytestmark = pytest.mark.django_db

MESSAGE = "Wij zoeken een Duitse partner voor sensorintegratie in onze draaibanken."


@pytest.fixture
def sent(alice, dora, django_capture_on_commit_callbacks):
    with_profiles(alice, dora)
    with django_capture_on_commit_callbacks(execute=True):
        contact = services.contact_request_send(
            requester_org=org_of(alice), receiver_org=org_of(dora), user=alice, message=MESSAGE,
            base_url="https://borderless.example",
        )  # fmt: skip
    return contact


def test_the_receiver_gets_a_german_email_and_an_in_app_notification(sent, alice, dora):
    assert [m.to for m in mail.outbox] == [[dora.email]]
    email = mail.outbox[0]
    assert email.subject == t("de", "Borderless: a new request for contact")
    assert email.body.startswith("Guten Tag Dora,")  # the platform's German greeting
    expected = t("de", "%(requester)s asks %(receiver)s for contact.") % {
        "requester": "Alice Precisietechniek B.V.",
        "receiver": "Dora Maschinenbau GmbH",
    }
    assert expected in email.body
    assert MESSAGE in email.body
    assert f"https://borderless.example/de/atlas/contacts/{sent.pk}/" in email.body
    assert ALICE_CONTACT not in email.body
    assert list(Notification.objects.values_list("user__email", "action")) == [(dora.email, "sent")]


def test_the_requester_gets_a_dutch_email_when_accepted(sent, alice, dora, django_capture_on_commit_callbacks):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.contact_request_decide(request=sent, user=dora, accept=True, base_url="https://borderless.example")

    assert [m.to for m in mail.outbox] == [[alice.email]]
    email = mail.outbox[0]
    assert email.subject == t("nl", "Borderless: request for contact accepted")
    assert email.body.startswith("Beste Alice,")
    assert t("nl", "Open the request to see the other side's contact details.") in email.body
    assert f"https://borderless.example/nl/atlas/contacts/{sent.pk}/" in email.body
    assert alice.notifications.filter(action="accepted").exists()
    assert not dora.notifications.filter(action="accepted").exists()  # who acted is not told again


def test_a_decline_and_a_withdrawal_are_told_to_the_other_side(alice, dora, django_capture_on_commit_callbacks):
    with_profiles(alice, dora)
    with django_capture_on_commit_callbacks(execute=True):
        first = services.contact_request_send(requester_org=org_of(alice), receiver_org=org_of(dora), user=alice,
                                              message=MESSAGE)  # fmt: skip
        services.contact_request_decide(request=first, user=dora, accept=False)
        second = services.contact_request_send(requester_org=org_of(alice), receiver_org=org_of(dora), user=alice,
                                               message=MESSAGE)  # fmt: skip
        services.contact_request_withdraw(request=second, user=alice)

    subjects = [(m.to[0], m.subject) for m in mail.outbox]
    assert (alice.email, t("nl", "Borderless: request for contact declined")) in subjects
    assert (dora.email, t("de", "Borderless: request for contact withdrawn")) in subjects
    assert dora.notifications.filter(action="withdrawn", request=second).exists()


def test_the_notifications_page_lists_and_marks_as_read(client, sent, dora):
    client.force_login(dora)

    home = client.get("/de/").content.decode()
    assert 'data-testid="nav-notifications"' in home
    assert '<span class="visually-hidden">' in home.split('data-testid="nav-notifications"')[1].split("</li>")[0]
    page = client.get(reverse("contacts:notifications").replace("/en/", "/de/")).content.decode()
    expected = t("de", "%(requester)s asks %(receiver)s for contact.") % {
        "requester": "Alice Precisietechniek B.V.",
        "receiver": "Dora Maschinenbau GmbH",
    }
    assert expected in page
    assert reverse("contacts:detail", args=[sent.pk]).replace("/en/", "/de/") in page

    response = client.post(reverse("contacts:notifications"), {})

    assert response.status_code == 302
    assert not dora.notifications.filter(read_at__isnull=True).exists()
    nav = client.get("/de/").content.decode().split('data-testid="nav-notifications"')[1].split("</li>")[0]
    assert "badge" not in nav


def test_one_notification_is_marked_read_and_others_cannot_be_touched(client, sent, alice, dora):
    notification = dora.notifications.get()
    client.force_login(alice)
    client.post(reverse("contacts:notifications"), {"notification": notification.pk})
    notification.refresh_from_db()
    assert notification.read_at is None

    client.force_login(dora)
    client.post(reverse("contacts:notifications"), {"notification": notification.pk})
    notification.refresh_from_db()
    assert notification.read_at is not None


def test_a_tampered_notification_id_changes_nothing(client, sent, dora):
    client.force_login(dora)
    response = client.post(reverse("contacts:notifications"), {"notification": "abc"})
    assert response.status_code == 302
    assert dora.notifications.filter(read_at__isnull=True).count() == 1


def test_an_anonymous_firms_name_stays_out_of_the_requesters_mail_and_notifications(
    client, alice, bob, django_capture_on_commit_callbacks
):
    profile(org_of(alice))
    firm, erik = hidden_firm(bob)
    with django_capture_on_commit_callbacks(execute=True):
        contact = services.contact_request_send(requester_org=org_of(alice), receiver_org=firm, user=alice,
                                                message=MESSAGE)  # fmt: skip
    assert sorted(m.to[0] for m in mail.outbox) == sorted([bob.email, erik.email])  # intermediary and firm
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        services.contact_request_decide(request=contact, user=bob, accept=False)

    to_alice = [m for m in mail.outbox if m.to == [alice.email]]
    assert len(to_alice) == 1 and "Geheimnisvolle" not in to_alice[0].body
    client.force_login(alice)
    page = client.get(reverse("contacts:notifications")).content.decode()
    assert t("en", "declined") in page and "Geheimnisvolle" not in page


def test_introductions_notify_both_sides_and_the_broker_hears_of_answers(
    alice, bob, dora, django_capture_on_commit_callbacks
):
    with_profiles(alice, dora)
    with django_capture_on_commit_callbacks(execute=True):
        contact = services.introduction_create(broker_org=org_of(bob), user=bob, org_a=org_of(alice),
                                               org_b=org_of(dora), message=MESSAGE)  # fmt: skip
    assert sorted(m.to[0] for m in mail.outbox) == sorted([alice.email, dora.email])
    assert mail.outbox[0].subject in {
        t("nl", "Borderless: an introduction to a possible partner"),
        t("de", "Borderless: an introduction to a possible partner"),
    }
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        services.contact_request_decide(request=contact, user=alice, accept=True)

    assert sorted(m.to[0] for m in mail.outbox) == sorted([bob.email, dora.email])
    to_bob = next(m for m in mail.outbox if m.to == [bob.email])
    assert to_bob.subject == t("de", "Borderless: one side accepted the introduction")


def test_opening_the_request_marks_its_notifications_as_read(client, sent, dora):
    client.force_login(dora)
    client.get(reverse("contacts:detail", args=[sent.pk]))

    assert not dora.notifications.filter(read_at__isnull=True).exists()
