"""The production start (scripts/serve, which `make serve` runs) and a database outage, with gunicorn.

Each test starts the real thing in a subprocess: DEBUG=0, a proper SECRET_KEY and ALLOWED_HOSTS,
hashed static files collected into a temporary STATIC_ROOT, a temporary SQLite file, gunicorn behind
an (imagined) TLS proxy, and talks to it over HTTP.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests
from django.utils import translation
from django.utils.translation import gettext

ROOT = Path(__file__).resolve().parent.parent
HTTPS = {"X-Forwarded-Proto": "https"}  # as the TLS proxy in front of gunicorn sends it


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def production_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE"}}
    env.update(
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1",
        BEHIND_TLS_PROXY="1",
        PYTHON=sys.executable,
        HOST="127.0.0.1",
        WEB_CONCURRENCY="1",
        WEB_THREADS="4",
    )
    env.update(extra)
    return env


@contextlib.contextmanager
def running(command: list[str], env: dict[str, str], *, ready_path: str = "/api/", timeout: float = 180):
    """Start the server, wait until it answers, yield its base URL, stop it (and only it) afterwards.

    ``{port}`` in the command stands for the free port chosen here (scripts/serve reads PORT).
    """
    port = free_port()
    env = {**env, "PORT": str(port)}
    command = [part.replace("{port}", str(port)) for part in command]
    log = open(Path(env["LOG_FILE"]), "w+")
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        while True:
            if process.poll() is not None:
                log.seek(0)
                pytest.fail(f"the server stopped with {process.returncode}:\n{log.read()[-4000:]}")
            try:
                requests.get(base + ready_path, headers=HTTPS, timeout=5)
                break
            except requests.ConnectionError:
                if time.monotonic() > deadline:
                    pytest.fail("the server did not answer in time")
                time.sleep(0.3)
        yield base
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=10)
        log.close()


def gunicorn(bind: str) -> list[str]:
    """gunicorn alone, without the steps of scripts/serve (which need the database)."""
    return [sys.executable, "-m", "gunicorn", "borderless.wsgi:application", "--workers", "1", "--threads", "4",
            "--bind", bind]  # fmt: skip


@dataclass
class Production:
    base: str
    static_root: Path
    data: Path  # the folder of the SQLite database


@pytest.fixture(scope="module")
def production(tmp_path_factory):
    """One production start for the module: scripts/serve on a fresh SQLite file and a fresh STATIC_ROOT."""
    folder = tmp_path_factory.mktemp("production")
    (folder / "data").mkdir()
    env = production_env(
        STATIC_ROOT=str(folder / "static"),
        DATABASE_URL=f"sqlite:///{folder / 'data' / 'db.sqlite3'}",
        DB_CONN_MAX_AGE="0",  # a new connection per request, so that the outage test sees the database go
        LOG_FILE=str(folder / "server.log"),
    )
    with running(["bash", "scripts/serve"], env, timeout=300) as base:
        yield Production(base=base, static_root=folder / "static", data=folder / "data")


def test_the_production_start_serves_pages_and_hashed_static_files(production):
    base = production.base
    home = requests.get(base + "/en/", headers=HTTPS, timeout=30)
    assert home.status_code == 200, home.text[:2000]
    assert "Borderless" in home.text
    assert home.headers["Strict-Transport-Security"].startswith("max-age=")
    stylesheet = re.search(r'href="(/static/css/borderless\.[0-9a-f]{12}\.css)"', home.text)
    assert stylesheet, "the page names the hashed stylesheet"
    css = requests.get(base + stylesheet.group(1), headers=HTTPS, timeout=30)
    assert css.status_code == 200
    assert css.headers["Content-Type"].startswith("text/css")
    assert "max-age=315360000" in css.headers["Cache-Control"]  # hashed names may be cached for good
    assert requests.get(base + "/en/quickscan/", headers=HTTPS, timeout=30).status_code == 200
    assert requests.get(base + "/api/instruments", headers=HTTPS, timeout=30).status_code == 200
    # Plain HTTP is sent to HTTPS.
    plain = requests.get(base + "/en/", allow_redirects=False, timeout=30)
    assert plain.status_code == 301 and plain.headers["Location"].startswith("https://")


def test_a_server_without_collected_static_files_refuses_to_start_and_says_why(tmp_path):
    empty = tmp_path / "static"
    empty.mkdir()
    port = free_port()
    env = production_env(STATIC_ROOT=str(empty), DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}")
    result = subprocess.run(
        gunicorn(f"127.0.0.1:{port}"), cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode != 0
    assert "The static files have not been collected" in result.stdout + result.stderr
    assert "collectstatic" in result.stdout + result.stderr


# A database outage


def assert_outage_page(response, lang: str = "en") -> None:
    assert response.status_code == 503, response.text[:2000]
    assert response.headers["Retry-After"].isdigit()
    assert response.headers["Content-Type"].startswith("text/html")
    assert f'<html lang="{lang}">' in response.text
    with translation.override(lang):
        assert gettext("Borderless is briefly unavailable") in response.text
    assert re.search(r'href="/static/css/borderless\.[0-9a-f]{12}\.css"', response.text), "in the site's look"


def assert_outage_json(response) -> None:
    assert response.status_code == 503, response.text[:2000]
    assert response.headers["Retry-After"].isdigit()
    assert response.json()["code"] == "service_unavailable"


def test_while_the_sqlite_database_is_unreachable_pages_and_api_answer_503_and_recover(production):
    base = production.base
    assert requests.get(base + "/en/", headers=HTTPS, timeout=30).status_code == 200

    away = production.data.with_name("data-away")
    production.data.rename(away)  # the database file can no longer be opened
    try:
        assert_outage_page(requests.get(base + "/de/", headers=HTTPS, timeout=30), "de")
        assert_outage_json(requests.get(base + "/api/instruments", headers=HTTPS, timeout=30))
        assert_outage_json(
            requests.post(base + "/api/instruments/match", json={"country": "NL"}, headers=HTTPS, timeout=30)
        )
    finally:
        away.rename(production.data)

    assert requests.get(base + "/en/", headers=HTTPS, timeout=30).status_code == 200


def test_while_postgresql_does_not_answer_pages_and_api_answer_503(tmp_path, production):
    closed = free_port()  # nothing listens there: every connection is refused
    env = production_env(
        STATIC_ROOT=str(production.static_root),
        DATABASE_URL=f"postgres://postgres@127.0.0.1:{closed}/borderless",
        LOG_FILE=str(tmp_path / "server.log"),
    )
    with running(gunicorn("127.0.0.1:{port}"), env, ready_path="/static/img/logo.svg") as base:
        page = requests.get(base + "/en/", headers=HTTPS, timeout=30)
        assert_outage_page(page)
        assert_outage_json(requests.get(base + "/api/organisations", headers=HTTPS, timeout=30))
        # Signed in (a session cookie, which cannot be looked up now) and on a log-in form post.
        assert_outage_page(
            requests.get(base + "/en/dashboard/", headers=HTTPS, cookies={"sessionid": "x" * 32}, timeout=30)
        )
    log = (tmp_path / "server.log").read_text()
    assert "Service Unavailable" in log  # operators are told, as for any server error
