"""A right-to-left override in a name or message is shown as a visible mark, on pages and in e-mails."""

from __future__ import annotations

import json

import pytest
from django.core import mail

from borderless.organisations.models import Organisation
from tests.contacts.contact_setup import org_of, with_profiles

pytestmark = pytest.mark.django_db

RLO = "\u202e"
ISOLATE = "\u2066"


def test_an_organisation_name_with_a_right_to_left_override_shows_the_mark_on_its_page(client, alice):
    organisation = org_of(alice)
    Organisation.objects.filter(pk=organisation.pk).update(
        name=f"Alice {RLO}VB kenhcetsiseicerP", description=f"We make {ISOLATE}parts"
    )

    for address in (f"/en/organisations/{organisation.slug}/", "/en/organisations/"):
        response = client.get(address)
        assert response.status_code == 200
        html = response.content.decode()
        assert RLO not in html and ISOLATE not in html
        assert "Alice [U+202E]VB kenhcetsiseicerP" in html


def test_the_api_gives_the_name_as_stored(client, alice):
    organisation = org_of(alice)
    Organisation.objects.filter(pk=organisation.pk).update(name=f"Alice {RLO}VB")
    body = client.get(f"/api/organisations/{organisation.slug}").json()
    assert body["name"] == f"Alice {RLO}VB"


def test_a_contact_request_message_with_a_right_to_left_override_reaches_the_receiver_marked(
    client, alice, dora, settings, django_capture_on_commit_callbacks
):
    # The platform's backend in front of the test outbox, as in production in front of SMTP.
    settings.EMAIL_BACKEND = "borderless.web.mail.BidiMarkingEmailBackend"
    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    with_profiles(alice, dora)
    client.force_login(alice)
    message = f"Hello, we would like to talk about {RLO}gnillim CNC{ISOLATE} with you."

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/api/atlas/contacts",
            json.dumps({"organisation": org_of(alice).slug, "receiver": org_of(dora).slug, "message": message}),
            content_type="application/json",
        )

    assert response.status_code == 201, response.content
    to_dora = [m for m in mail.outbox if dora.email in m.to]
    assert to_dora
    body = to_dora[0].body
    assert "[U+202E]gnillim CNC[U+2066]" in body
    assert RLO not in body and ISOLATE not in body
    assert RLO not in to_dora[0].subject
