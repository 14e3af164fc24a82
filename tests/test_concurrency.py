"""Concurrent writes through a real server: no "database is locked", the limits hold exactly.

Twenty clients, each with its own connection, ask for contact at the same moment on behalf of one
firm, each to another receiver. On SQLite every request thread of the live server has its own
connection to the test database file (see DATABASES["default"]["TEST"] in the settings), as in an
installation on a laptop; on PostgreSQL each has its own server connection.
"""

from __future__ import annotations

import secrets
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests
from django.conf import settings
from django.db import connection
from django.test import Client
from django.utils import translation
from django.utils.translation import gettext

from borderless.contacts.models import ContactRequest
from borderless.contacts.selectors import daily_limit
from tests.conftest import make_org
from tests.contacts.contact_setup import org_of, profile

CLIENTS = 20
MESSAGE = "We are looking for a partner for a joint R&D project on condition monitoring."


@pytest.fixture
def receivers(transactional_db):
    result = []
    for i in range(CLIENTS):
        organisation = make_org(f"Ziel {i} GmbH", town_name="Borken", country="DE")
        profile(organisation)
        result.append(organisation)
    return result


def test_twenty_simultaneous_contact_requests_of_one_firm_stop_exactly_at_the_daily_limit(
    live_server, transactional_db, alice, receivers
):
    assert connection.vendor != "sqlite" or not connection.is_in_memory_db(), "the test database must be a file"
    requester = org_of(alice)
    profile(requester)
    browser = Client()
    browser.force_login(alice)
    session_cookie = browser.cookies[settings.SESSION_COOKIE_NAME].value
    csrf_token = secrets.token_hex(16)  # a 32-character secret, sent as cookie and header alike
    start = threading.Barrier(CLIENTS)

    def ask(receiver):
        with requests.Session() as http:
            http.cookies.set(settings.SESSION_COOKIE_NAME, session_cookie)
            http.cookies.set(settings.CSRF_COOKIE_NAME, csrf_token)
            start.wait(timeout=30)
            return http.post(
                f"{live_server.url}/api/atlas/contacts",
                json={"organisation": requester.slug, "receiver": receiver.slug, "message": MESSAGE},
                headers={"X-CSRFToken": csrf_token, "Accept-Language": "de", "Referer": live_server.url},
                timeout=60,
            )

    with ThreadPoolExecutor(max_workers=CLIENTS) as pool:
        responses = list(pool.map(ask, receivers))

    statuses = sorted(r.status_code for r in responses)
    assert all(status < 500 for status in statuses), statuses
    limit = daily_limit()
    assert statuses.count(201) == limit, statuses
    refused = [r for r in responses if r.status_code != 201]
    with translation.override("de"):
        expected = gettext(
            "Your organisation has used its %(limit)d requests for today. Please try again tomorrow."
        ) % {"limit": limit}
    assert {(r.status_code, r.json()["code"], r.json()["detail"]) for r in refused} == {(429, "daily_limit", expected)}
    assert ContactRequest.objects.filter(requester=requester).count() == limit
