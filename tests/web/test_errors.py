"""Bad input and unknown addresses: a 400 or 404 a person or client can read, never a 500.

A NUL character cannot be stored or looked up (PostgreSQL refuses it, which used to answer 500), a
multipart body without boundary cannot be parsed: both answer 400, with a JSON error under /api/ and
a translated page elsewhere. Every unknown /api/ address answers JSON.
"""

from __future__ import annotations

import json

import pytest
from django.test import Client
from django.utils import translation
from django.utils.translation import gettext

from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db

NUL_MESSAGE = (
    "The address or the form contains a character that is not allowed (a NUL character). "
    "Please remove it and try again."
)


@pytest.fixture
def client():
    # A 500 must reach the test as the response a person would get, not as a raised exception.
    return Client(raise_request_exception=False)


def assert_json_error(response, status: int, code: str) -> dict:
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert body["code"] == code
    assert isinstance(body["detail"], str) and body["detail"]
    return body


def assert_page(response, status: int, lang: str, text: str) -> str:
    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"].startswith("text/html")
    html = response.content.decode()
    assert f'<html lang="{lang}">' in html
    assert text in html
    return html


# NUL characters


@pytest.mark.parametrize(
    "path",
    [
        "/api/organisations?q=%00",
        "/api/organisations/%00",
        "/api/instruments/%00",
        "/api/instruments?q=a%00b",
        "/api/atlas/organisations?q=%00",
        "/api/atlas/organisations/%00",
        "/api/quickscan/history?organisation=%00",
        "/api/organisations?%00=1",
    ],
)
def test_a_nul_in_an_api_path_or_query_answers_a_json_400(client, alice, path):
    client.force_login(alice)
    body = assert_json_error(client.get(path, HTTP_ACCEPT_LANGUAGE="en"), 400, "invalid_characters")
    assert body["detail"] == NUL_MESSAGE


def test_a_nul_in_an_api_json_body_answers_a_json_400_and_stores_nothing(client, alice):
    from borderless.quickscan.models import Assessment

    client.force_login(alice)
    body = {
        "id": "2b1c7a40-8a3c-4c36-9d0e-1f0c3b9b5a11",
        "organisation": alice.organisations.get().slug,
        "answers": {"C.region": "NL2\u000013"},
    }
    response = client.post("/api/quickscan/assessments", json.dumps(body), content_type="application/json")
    assert_json_error(response, 400, "invalid_characters")
    assert not Assessment.objects.exists()


def test_an_escaped_backslash_before_u0000_is_ordinary_text_and_not_refused(client):
    # JSON "\\u0000" is a backslash followed by "u0000", not a NUL character.
    response = client.post("/api/instruments/match", '{"sector": "\\\\u0000"}', content_type="application/json")
    assert response.status_code == 400
    assert response.json()["code"] == "invalid"


@pytest.mark.parametrize("lang", ["de", "nl", "en"])
def test_a_nul_in_the_login_form_answers_a_translated_page(client, alice, lang):
    response = client.post(f"/{lang}/accounts/login/", {"username": "alice@example.nl\x00", "password": PASSWORD})
    with translation.override(lang):
        message = gettext(NUL_MESSAGE)
    assert_page(response, 400, lang, message)
    assert "_auth_user_id" not in client.session


ERROR_TEXTS = [
    NUL_MESSAGE,
    "The request could not be processed",
    "Page not found",
    "Something went wrong on our side",
    "Borderless is briefly unavailable",
    "The service is briefly unavailable. Please try again in a minute.",
    "The request could not be read. Please check what you sent and try again.",
    "The request body could not be read as a form.",
    "Go to the start page",
    "There is no page at this address. It may have moved, or the link may be mistyped.",
    "This page could not be shown because of an error on our side. We have been told about it. Please try again later.",
    "Borderless cannot reach its database at the moment, so this page cannot be shown. Please try again in a minute.",
]


@pytest.mark.parametrize("lang", ["de", "nl"])
def test_the_error_pages_and_messages_are_translated(lang):
    """NEEDS TRANSLATIONS: fails while one of these texts lacks a German or Dutch translation."""
    with translation.override(lang):
        assert [text for text in ERROR_TEXTS if gettext(text) == text] == []


def test_a_nul_in_a_page_address_or_query_answers_a_translated_page(client):
    with translation.override("de"):
        message = gettext(NUL_MESSAGE)
    assert_page(client.get("/de/organisations/?q=%00"), 400, "de", message)
    assert_page(client.get("/de/organisations/%00/"), 400, "de", message)


def test_a_nul_in_the_session_cookie_answers_400_without_looking_the_session_up(client, django_assert_num_queries):
    # An octal escape in a quoted cookie value, which the cookie parser decodes to NUL.
    with django_assert_num_queries(0):
        response = client.get("/en/", HTTP_COOKIE='sessionid="abc\\000def"')
    assert response.status_code == 400


# Bodies that cannot be parsed


@pytest.mark.parametrize(
    "path",
    ["/api/instruments/match", "/api/quickscan/assessments", "/api/atlas/contacts", "/api/atlas/contacts/1/withdraw"],
)
def test_a_multipart_body_without_boundary_answers_a_json_400(client, alice, path):
    client.force_login(alice)
    response = client.post(path, b"--x\r\nnot a form\r\n", content_type="multipart/form-data")
    assert_json_error(response, 400, "bad_request")


def test_a_multipart_body_without_boundary_on_a_page_answers_a_translated_page(client):
    response = client.post("/nl/accounts/login/", b"--x\r\n", content_type="multipart/form-data")
    with translation.override("nl"):
        title = gettext("The request could not be processed")
    assert_page(response, 400, "nl", title)


# Unknown addresses


@pytest.mark.parametrize(
    "path", ["/api/instruments/a%0Ab", "/api/organisations/a%0Ab", "/api/nothing%0Ahere", "/api/x/%0A"]
)
def test_every_unknown_api_address_answers_json(client, path):
    assert_json_error(client.get(path), 404, "not_found")


def test_an_unknown_page_answers_a_translated_404_in_the_sites_look(client):
    response = client.get("/de/gibt-es-nicht/")
    with translation.override("de"):
        title = gettext("Page not found")
    html = assert_page(response, 404, "de", title)
    assert "/static/css/borderless.css" in html
    assert 'href="/de/"' in html


# Server errors


def test_a_server_error_answers_a_translated_page_without_asking_the_database(rf, django_assert_num_queries):
    from borderless.web.errors import server_error

    with translation.override("nl"), django_assert_num_queries(0):
        response = server_error(rf.get("/nl/quickscan/"))
        title = gettext("Something went wrong on our side")
    assert_page(response, 500, "nl", title)
    assert "Retry-After" not in response


def test_a_server_error_under_the_api_answers_json(rf):
    from borderless.web.errors import server_error

    response = server_error(rf.get("/api/instruments"))
    assert response.status_code == 500
    assert response["Content-Type"].startswith("application/json")
    assert json.loads(response.content)["code"] == "server_error"
