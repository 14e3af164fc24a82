"""Requests for contact in the API: list, send, decide, withdraw; refusals and limits; the schema."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from borderless.contacts import services
from borderless.contacts.models import ContactRequest
from tests.atlas.atlas_profiles import reference_of
from tests.conftest import make_org
from tests.contacts.contact_setup import ALICE_CONTACT, DORA_CONTACT, hidden_firm, org_of, profile, with_profiles

pytestmark = pytest.mark.django_db

CONTACTS = "/api/atlas/contacts"
MESSAGE = "We look for a partner for sensor integration across the border."


def post(client, url: str, body: dict | None = None, **headers):
    return client.post(url, json.dumps(body or {}), content_type="application/json", **headers)


def ask(client, user, receiver: str, message: str = MESSAGE, **headers):
    body = {"organisation": org_of(user).slug, "receiver": receiver, "message": message}
    return post(client, CONTACTS, body, **headers)


def assert_json_error(response, status: int, code: str) -> dict:
    assert response.status_code == status, response.content
    body = response.json()
    assert body["code"] == code and body["detail"]
    return body


def test_send_accept_and_both_read_the_details(client, alice, dora):
    with_profiles(alice, dora)
    client.force_login(alice)

    sent = ask(client, alice, org_of(dora).slug)

    assert sent.status_code == 201, sent.content
    body = sent.json()
    assert (body["kind"], body["state"], body["direction"]) == ("direct", "pending", "outgoing")
    assert body["receiver"]["name"] == "Dora Maschinenbau GmbH"
    assert body["contact_details"] is None and DORA_CONTACT not in sent.content.decode()
    assert [e["action"] for e in body["history"]] == ["sent"]

    client.force_login(dora)
    listed = client.get(CONTACTS).json()
    assert listed["count"] == 1 and listed["items"][0]["your_answer_needed"] is True
    assert listed["items"][0]["direction"] == "incoming"
    assert ALICE_CONTACT not in json.dumps(listed)
    decided = post(client, f"{CONTACTS}/{body['id']}/decision", {"accept": True})

    assert decided.status_code == 200, decided.content
    assert decided.json()["state"] == "accepted"
    assert decided.json()["contact_details"]["emails"] == [ALICE_CONTACT]
    client.force_login(alice)
    mine = client.get(CONTACTS).json()["items"][0]
    assert mine["contact_details"]["emails"] == [DORA_CONTACT]
    assert mine["contact_details"]["phone"] == "+49 2861 000000"


def test_decline_reveals_nothing(client, alice, dora):
    with_profiles(alice, dora)
    contact = services.contact_request_send(requester_org=org_of(alice), receiver_org=org_of(dora), user=alice,
                                            message=MESSAGE)  # fmt: skip
    client.force_login(dora)

    declined = post(client, f"{CONTACTS}/{contact.pk}/decision", {"accept": False})

    assert declined.json()["state"] == "declined" and declined.json()["contact_details"] is None
    client.force_login(alice)
    assert client.get(CONTACTS).json()["items"][0]["contact_details"] is None


def test_withdraw_and_its_refusals(client, alice, dora):
    with_profiles(alice, dora)
    contact = services.contact_request_send(requester_org=org_of(alice), receiver_org=org_of(dora), user=alice,
                                            message=MESSAGE)  # fmt: skip
    client.force_login(dora)
    assert_json_error(post(client, f"{CONTACTS}/{contact.pk}/withdraw"), 403, "not_allowed")

    client.force_login(alice)
    withdrawn = post(client, f"{CONTACTS}/{contact.pk}/withdraw")
    assert withdrawn.status_code == 200 and withdrawn.json()["state"] == "withdrawn"
    assert_json_error(post(client, f"{CONTACTS}/{contact.pk}/withdraw"), 409, "not_pending")
    client.force_login(dora)
    assert_json_error(post(client, f"{CONTACTS}/{contact.pk}/decision", {"accept": True}), 409, "not_pending")


def test_others_requests_are_not_found(client, alice, dora, charlie):
    with_profiles(alice, dora)
    contact = services.contact_request_send(requester_org=org_of(alice), receiver_org=org_of(dora), user=alice,
                                            message=MESSAGE)  # fmt: skip
    client.force_login(charlie)

    assert client.get(CONTACTS).json()["count"] == 0
    assert_json_error(post(client, f"{CONTACTS}/{contact.pk}/decision", {"accept": True}), 404, "not_found")
    assert_json_error(post(client, f"{CONTACTS}/{contact.pk}/withdraw"), 404, "not_found")
    assert_json_error(post(client, f"{CONTACTS}/999999/withdraw"), 404, "not_found")
    contact.refresh_from_db()
    assert contact.state == "pending"


@pytest.mark.parametrize(
    ("setup", "receiver", "message", "status", "code"),
    [
        ("none", "self", MESSAGE, 422, "self_contact"),
        ("none", "dora", "Hi", 422, "message_too_short"),
        ("none", "unknown", MESSAGE, 404, "not_found"),
        ("open", "dora", MESSAGE, 409, "already_open"),
        ("blocked", "dora", MESSAGE, 403, "blocked"),
    ],
)
def test_refusals_store_nothing(client, alice, dora, setup, receiver, message, status, code):
    with_profiles(alice, dora)
    if setup == "open":
        services.contact_request_send(requester_org=org_of(alice), receiver_org=org_of(dora), user=alice,
                                      message=MESSAGE)  # fmt: skip
    if setup == "blocked":
        services.block(blocker_org=org_of(dora), blocked_org=org_of(alice), user=dora)
    before = ContactRequest.objects.count()
    client.force_login(alice)
    slug = {"self": org_of(alice).slug, "dora": org_of(dora).slug, "unknown": "no-such-firm"}[receiver]

    assert_json_error(ask(client, alice, slug, message), status, code)
    assert ContactRequest.objects.count() == before


def test_a_message_over_1000_characters_is_invalid(client, alice, dora):
    with_profiles(alice, dora)
    client.force_login(alice)
    body = assert_json_error(ask(client, alice, org_of(dora).slug, "x" * 1001), 400, "invalid")
    assert body["errors"][0]["field"] == "message"
    assert not ContactRequest.objects.exists()


def test_asking_for_someone_elses_organisation_is_not_found(client, alice, dora, charlie):
    with_profiles(alice, dora)
    client.force_login(charlie)
    assert_json_error(ask(client, alice, org_of(dora).slug), 404, "not_found")
    assert not ContactRequest.objects.exists()


def test_the_daily_and_the_receiver_limit_answer_429(client, settings, alice, dora):
    settings.ATLAS_CONTACT_DAILY_LIMIT = 1
    with_profiles(alice, dora)
    other = make_org("Zweite Firma GmbH", town_name="Borken", country="DE")
    profile(other)
    client.force_login(alice)
    assert ask(client, alice, org_of(dora).slug).status_code == 201

    body = assert_json_error(ask(client, alice, other.slug), 429, "daily_limit")
    assert "1" in body["detail"]
    listed = client.get(CONTACTS).json()
    assert listed["remaining_today"] == {org_of(alice).slug: 0} and listed["daily_limit"] == 1

    settings.ATLAS_CONTACT_DAILY_LIMIT = 10
    settings.ATLAS_CONTACT_RECEIVER_DAILY_LIMIT = 1
    client.force_login(dora)
    assert ask(client, dora, other.slug).status_code == 201
    client.force_login(alice)
    settings.ATLAS_CONTACT_DAILY_LIMIT = 5
    assert_json_error(ask(client, alice, other.slug), 429, "receiver_limit")


def test_an_anonymous_receiver_is_asked_by_its_reference_and_stays_unnamed(client, alice, bob):
    profile(org_of(alice))
    firm, _erik = hidden_firm(bob)
    client.force_login(alice)

    assert_json_error(ask(client, alice, firm.slug), 404, "not_found")
    sent = ask(client, alice, reference_of(firm))

    assert sent.status_code == 201, sent.content
    assert sent.json()["receiver"]["revealed"] is False
    assert "Geheimnisvolle" not in sent.content.decode()
    assert sent.json()["broker"] == "Bob Wirtschaftsförderung"
    client.force_login(bob)
    decided = post(client, f"{CONTACTS}/{sent.json()['id']}/decision", {"accept": True})
    assert decided.status_code == 200 and decided.json()["contact_details"] is None  # bob is no side
    client.force_login(alice)
    revealed = client.get(CONTACTS).json()["items"][0]
    assert revealed["receiver"]["name"] == "Geheimnisvolle Sensorik GmbH"
    assert revealed["contact_details"]["emails"] == ["geheim@sensorik.example"]


def test_errors_follow_the_accept_language(client, alice, dora):
    from django.utils.translation import gettext, override

    with_profiles(alice, dora)
    client.force_login(alice)
    response = ask(client, alice, org_of(alice).slug, HTTP_ACCEPT_LANGUAGE="de")
    with override("de"):
        assert response.json()["detail"] == gettext("An organisation cannot ask itself for contact.")


def test_a_visitor_must_log_in_and_posts_need_the_csrf_token(client, alice, dora):
    with_profiles(alice, dora)
    assert_json_error(client.get(CONTACTS), 401, "not_authenticated")

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(alice)
    assert_json_error(ask(strict, alice, org_of(dora).slug), 403, "csrf_failed")
    assert not ContactRequest.objects.exists()
    strict.cookies["csrftoken"] = "k" * 32
    assert ask(strict, alice, org_of(dora).slug, HTTP_X_CSRFTOKEN="k" * 32).status_code == 201


def test_unknown_query_parameters_are_refused(client, alice):
    client.force_login(alice)
    assert_json_error(client.get(CONTACTS + "?state=pending"), 400, "unknown_parameter")


def test_the_endpoints_are_in_the_openapi_schema(client):
    schema = client.get("/api/openapi.json").json()
    paths = schema["paths"]
    assert {"get", "post"} <= set(paths["/api/atlas/contacts"])
    assert "post" in paths["/api/atlas/contacts/{contact_id}/decision"]
    assert "post" in paths["/api/atlas/contacts/{contact_id}/withdraw"]
    assert "429" in paths["/api/atlas/contacts"]["post"]["responses"]
    assert "ContactOut" in schema["components"]["schemas"]
