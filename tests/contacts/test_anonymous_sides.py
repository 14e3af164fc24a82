"""An anonymous firm in the contact flow: blocking it, requests, introductions, notices and e-mails name
it only as its atlas card does, to everyone but its own members and its intermediary."""

from __future__ import annotations

import pytest
from django.core import mail
from django.urls import reverse

from borderless.contacts import services
from borderless.contacts.models import Block, ContactRequest
from borderless.organisations.models import Town
from tests.atlas.atlas_profiles import reference_of
from tests.conftest import make_org, make_user

from .contact_setup import hidden_firm, org_of, profile, t

pytestmark = pytest.mark.django_db

MESSAGE = "We make precision parts and look for a partner for sensor integration in Germany."
SECRET = "Geheimnisvolle"


def test_blocking_an_anonymous_profile_names_it_as_its_card_does(client, alice, bob):
    """Any SME member can find an anonymous card and block it: the answer must not name the firm."""
    profile(org_of(alice))
    firm, _erik = hidden_firm(bob)
    client.force_login(alice)
    card = client.get(reverse("atlas:detail", args=[reference_of(firm)])).content.decode()
    assert "Company in Borken (DE)" in card

    response = client.post(reverse("contacts:block", args=[reference_of(firm)]), {"organisation": org_of(alice).slug})

    html = response.content.decode()
    assert response.status_code == 200
    assert SECRET not in html and firm.slug not in html
    assert "Company in Borken (DE)" in html  # as alice knows it
    assert Block.objects.filter(blocker=org_of(alice), blocked=firm).exists()


def test_blocking_a_named_organisation_still_names_it(client, alice, dora):
    profile(org_of(alice))
    profile(org_of(dora))
    client.force_login(alice)
    response = client.post(reverse("contacts:block", args=[org_of(dora).slug]), {"organisation": org_of(alice).slug})
    assert "Dora Maschinenbau GmbH" in response.content.decode()


def test_the_intermediary_and_the_firms_members_see_the_anonymous_card_in_full(client, alice, bob):
    firm, erik = hidden_firm(bob)
    url = reverse("atlas:detail", args=[reference_of(firm)])
    client.force_login(bob)
    html = client.get(url).content.decode()
    assert "Geheimnisvolle Sensorik GmbH" in html and 'data-testid="answers-for"' in html
    assert client.get(reverse("atlas:detail", args=[firm.slug])).status_code == 200
    client.force_login(erik)
    assert "Geheimnisvolle Sensorik GmbH" in client.get(url).content.decode()
    client.force_login(alice)
    assert SECRET not in client.get(url).content.decode()


def test_the_introduced_side_sees_and_blocks_an_anonymous_firm_only_by_its_description(client, alice, bob):
    """bob introduces his anonymous client to alice: the block button on alice's page must not carry the
    firm's name or slug, and blocking through it names the firm as the request does."""
    profile(org_of(alice))
    firm, _erik = hidden_firm(bob)
    contact = services.introduction_create(broker_org=org_of(bob), user=bob, org_a=firm, org_b=org_of(alice),
                                           message=MESSAGE)  # fmt: skip
    client.force_login(alice)
    page = client.get(reverse("contacts:detail", args=[contact.pk])).content.decode()
    assert SECRET not in page and firm.slug not in page
    assert "Company in Borken (DE)" in page
    assert reverse("contacts:block", args=[reference_of(firm)]) in page

    response = client.post(reverse("contacts:block", args=[reference_of(firm)]), {"organisation": org_of(alice).slug})
    assert response.status_code == 200
    assert SECRET not in response.content.decode() and "Company in Borken (DE)" in response.content.decode()
    assert ContactRequest.objects.get().state == ContactRequest.State.DECLINED


def test_a_thinly_populated_firm_is_described_as_coarsely_in_requests_as_on_its_card(
    client, alice, bob, django_capture_on_commit_callbacks
):
    """Without look-alikes the firm is the only company of its kind in Borken: neither its card nor the
    request, the notices or the e-mails may say "Borken"; all of them say what the card says."""
    profile(org_of(alice))
    firm, _erik = hidden_firm(bob, lookalikes=0)
    # One company in each of four other NUTS-3 regions of Münster (NUTS-2 DEA3): five SMEs in DEA3.
    for code in ("DEA32", "DEA35", "DEA37", "DEA38"):
        town = Town.objects.filter(nuts3_id=code).order_by("-population").first()
        make_org(f"Firma {code} GmbH", town_name=town.name, country="DE", size_class="medium", listed=False)
    client.force_login(alice)
    card = client.get(f"/api/atlas/organisations/{reference_of(firm)}", HTTP_ACCEPT_LANGUAGE="nl").json()
    assert card["region"]["code"] == "DEA3"  # NUTS-2 Münster, not NUTS-3 Borken
    with django_capture_on_commit_callbacks(execute=True):
        contact = services.contact_request_send(requester_org=org_of(alice), receiver_org=firm, user=alice,
                                                message=MESSAGE)  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        services.contact_request_decide(request=contact, user=bob, accept=False)

    pages = [  # alice reads Dutch
        client.get(f"/nl/atlas/contacts/{contact.pk}/").content.decode(),
        client.get("/nl/atlas/contacts/").content.decode(),
        client.get("/nl/atlas/notifications/").content.decode(),
        client.get("/api/atlas/contacts", HTTP_ACCEPT_LANGUAGE="nl").json()["items"][0]["receiver"]["name"],
        *(m.body for m in mail.outbox if m.to == [alice.email]),
    ]
    for text in pages:
        assert SECRET not in text and "Borken" not in text and "Bocholt" not in text
        assert card["display_name"] in text


def test_notices_and_mails_describe_the_anonymous_side_as_its_card_does(
    client, alice, bob, django_capture_on_commit_callbacks
):
    profile(org_of(alice))
    firm, _erik = hidden_firm(bob)
    with django_capture_on_commit_callbacks(execute=True):
        contact = services.contact_request_send(requester_org=org_of(alice), receiver_org=firm, user=alice,
                                                message=MESSAGE)  # fmt: skip
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.contact_request_decide(request=contact, user=bob, accept=False)
    to_alice = next(m for m in mail.outbox if m.to == [alice.email])
    described = t("nl", "%(kind)s in %(region)s (%(country)s)") % {
        "kind": t("nl", "Company"), "region": "Borken", "country": "DE"
    }  # fmt: skip
    assert described in to_alice.body and SECRET not in to_alice.body  # alice reads Dutch
    client.force_login(alice)
    page = client.get(reverse("contacts:notifications")).content.decode()
    assert "Company in Borken (DE)" in page and t("en", "declined") in page


def test_a_card_too_few_organisations_would_share_is_not_shown_at_all(client, alice, bob):
    firm = make_org("Einsame Firma GmbH", town_name="Bocholt", country="DE")
    profile(firm, visibility="anonymous", contact_intermediary=org_of(bob))
    # alice, bob and the firm: three organisations on the whole platform
    reference = reference_of(firm)
    assert client.get(reverse("atlas:detail", args=[reference])).status_code == 404
    assert client.get(f"/api/atlas/organisations/{reference}").status_code == 404
    assert reference not in client.get(reverse("atlas:search")).content.decode()
    assert client.get("/api/atlas/organisations").json()["count"] == 0
    client.force_login(make_user("curious@example.nl"))
    assert client.post(reverse("contacts:block", args=[reference]), {"organisation": "x"}).status_code == 404
