"""Personal pages are never kept by a browser cache or a shared proxy: ``Cache-Control: private, no-store``."""

from __future__ import annotations

import pytest

from borderless.quickscan.services import ANONYMOUS_QUICKSCAN_KEY
from tests.core.quickscan import builders
from tests.quickscan.completed import complete, fast_follower_answers

pytestmark = pytest.mark.django_db

NO_STORE = "private, no-store"


@pytest.fixture
def result(alice):
    return complete(alice.organisations.get(), fast_follower_answers())


@pytest.mark.parametrize(
    "address",
    [
        "/en/quickscan/results/{id}/",
        "/en/quickscan/results/{id}/assessment.json",
        "/en/quickscan/results/{id}/report.pdf",
        "/api/quickscan/assessments/{id}",
        "/en/dashboard/",
        "/en/",
        "/api/instruments",
    ],
)
def test_every_answer_to_a_signed_in_person_is_private_and_not_stored(client, alice, result, address):
    client.force_login(alice)
    response = client.get(address.format(id=result.public_id))
    assert response.status_code == 200
    assert response["Cache-Control"] == NO_STORE


def test_a_visitors_anonymous_result_kept_in_the_session_is_private_and_not_stored(client):
    result = complete(None, builders.nothing_yet(), anonymous_key="visitor-key-1")
    session = client.session
    session[ANONYMOUS_QUICKSCAN_KEY] = "visitor-key-1"
    session.save()

    for address in (
        f"/en/quickscan/results/{result.public_id}/",
        f"/en/quickscan/results/{result.public_id}/assessment.json",
    ):
        response = client.get(address)
        assert response.status_code == 200
        assert response["Cache-Control"] == NO_STORE


def test_the_answer_that_starts_a_visitors_quickscan_session_is_private_and_not_stored(client):
    response = client.post("/en/quickscan/", {"action": "start"})
    assert response.status_code == 302
    assert "sessionid" in response.cookies
    assert response["Cache-Control"] == NO_STORE


def test_public_pages_for_a_visitor_without_a_session_may_be_cached(client):
    response = client.get("/en/instruments/")
    assert response.status_code == 200
    assert "no-store" not in response.get("Cache-Control", "")


def test_a_static_file_keeps_its_own_cache_lifetime_for_a_signed_in_person(client, alice):
    client.force_login(alice)
    response = client.get("/static/css/borderless.css")
    assert response.status_code == 200
    assert "no-store" not in response["Cache-Control"]
    assert "max-age" in response["Cache-Control"]
