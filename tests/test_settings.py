"""Production settings pass Django's deployment checks."""

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_manage(*args, **env):
    environment = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120
    )


def test_check_deploy_passes_with_production_settings():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DEBUG="0",
        SECRET_KEY="k" * 60 + "-production-like-secret-for-the-check",
        ALLOWED_HOSTS="borderless.example",
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_refuses_to_start_without_a_secret_key():
    result = run_manage("check", DEBUG="0", SECRET_KEY="")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_a_short_secret_key():
    result = run_manage("check", DEBUG="0", SECRET_KEY="x", ALLOWED_HOSTS="borderless.example")
    assert result.returncode != 0
    assert "SECRET_KEY is too weak for DEBUG=0" in result.stderr
    assert "at least 50 random characters" in result.stderr


def test_production_refuses_a_long_key_of_one_repeated_character():
    result = run_manage("check", DEBUG="0", SECRET_KEY="x" * 80, ALLOWED_HOSTS="borderless.example")
    assert result.returncode != 0
    assert "SECRET_KEY is too weak" in result.stderr


def test_a_development_machine_may_use_a_short_key():
    result = run_manage("check", DEBUG="1", SECRET_KEY="x")
    assert result.returncode == 0, result.stderr


def test_sqlite_waits_for_the_write_lock_instead_of_failing():
    code = (
        "from django.db import connection; c = connection.cursor(); "
        "print(c.execute('PRAGMA journal_mode').fetchone()[0], c.execute('PRAGMA busy_timeout').fetchone()[0], "
        "connection.settings_dict['OPTIONS']['transaction_mode'])"
    )
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    with tempfile.TemporaryDirectory() as folder:
        env.update(DJANGO_SETTINGS_MODULE="borderless.settings", DATABASE_URL=f"sqlite:///{folder}/db.sqlite3")
        out = subprocess.run(
            [sys.executable, "-c", "import django; django.setup(); " + code],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert out.stdout.split() == ["wal", "20000", "IMMEDIATE"], out.stderr


def test_database_url_switches_the_engine():
    code = "from django.conf import settings; print(settings.DATABASES['default']['ENGINE'])"
    env = {k: v for k, v in os.environ.items()}
    env.update(DJANGO_SETTINGS_MODULE="borderless.settings", DATABASE_URL="postgres://u@127.0.0.1:5432/x")
    out = subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); " + code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.stdout.strip() == "django.db.backends.postgresql"
