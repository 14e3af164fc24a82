"""The log-in limit holds when many attempts arrive at the same moment (a real server, real threads).

Run on SQLite (a file with WAL, every transaction IMMEDIATE) and on PostgreSQL (DATABASE_URL).
"""

from __future__ import annotations

import http.client
import re
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter

import pytest

from borderless.accounts.models import LimitEvent, User

from ..conftest import make_user

pytestmark = pytest.mark.django_db(transaction=True)

PARALLEL = 30


def csrf(base: str) -> tuple[str, str]:
    """The CSRF cookie and form token of the log-in page."""
    with urllib.request.urlopen(f"{base}/en/accounts/login/") as response:
        cookie = re.search(r"csrftoken=([^;]+)", response.headers["Set-Cookie"]).group(1)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.read().decode()).group(1)
    return cookie, token


def post_at_once(url: str, bodies: list[dict], cookie: str) -> list[int]:
    """POST every body from its own thread, all released together; the status codes."""
    start = threading.Barrier(len(bodies))
    statuses: list[int] = []
    lock = threading.Lock()

    def send(body: dict) -> None:
        request = urllib.request.Request(
            url, data=urllib.parse.urlencode(body).encode(), headers={"Cookie": f"csrftoken={cookie}"}
        )
        status = 0  # no answer at all
        start.wait()
        for attempt in range(10):
            try:
                with urllib.request.urlopen(request, timeout=120) as response:
                    status = response.status
                break
            except urllib.error.HTTPError as error:
                status = error.code
                break
            except (ConnectionError, http.client.RemoteDisconnected, urllib.error.URLError):
                # More connections at once than the test server's listen queue holds: the kernel
                # resets the rest before the server has read them. A browser would try again.
                time.sleep(0.2 * (attempt + 1))
        with lock:
            statuses.append(status)

    threads = [threading.Thread(target=send, args=(body,)) for body in bodies]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return statuses


@pytest.fixture
def password_checks(monkeypatch) -> Counter:
    """Counts how often the server checks a password (the argon2 comparison), from any thread."""
    counter: Counter = Counter()
    lock = threading.Lock()
    check = User.check_password

    def counted(self, raw_password):
        with lock:
            counter[self.email] += 1
        return check(self, raw_password)

    monkeypatch.setattr(User, "check_password", counted)
    return counter


def test_thirty_parallel_wrong_passwords_check_at_most_five(live_server, settings, password_checks):
    settings.LOGIN_FAILURE_LIMIT = 5
    make_user("target@example.org")
    cookie, token = csrf(live_server.url)
    body = {"username": "target@example.org", "password": "a-wrong-guess", "csrfmiddlewaretoken": token}
    statuses = post_at_once(f"{live_server.url}/en/accounts/login/", [body] * PARALLEL, cookie)

    assert Counter(statuses) == {400: 5, 429: PARALLEL - 5}
    assert password_checks["target@example.org"] == 5
    assert LimitEvent.objects.filter(scope="login-address", key="target@example.org").count() == 5


def test_parallel_guesses_in_every_spelling_share_the_allowance(live_server, settings, password_checks):
    settings.LOGIN_FAILURE_LIMIT = 5
    make_user("sme.de@example.org")
    cookie, token = csrf(live_server.url)
    spellings = ["sme.de@example.org", "SME.DE@example.org", "\u017fme.de@example.org"]
    bodies = [
        {"username": spellings[n % 3], "password": "a-wrong-guess", "csrfmiddlewaretoken": token}
        for n in range(PARALLEL)
    ]
    statuses = post_at_once(f"{live_server.url}/en/accounts/login/", bodies, cookie)

    assert Counter(statuses) == {400: 5, 429: PARALLEL - 5}
    assert password_checks["sme.de@example.org"] == 5
