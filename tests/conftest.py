"""Shared fixtures: reference data and personas.

Personas (as in the rest of the suite):
- alice: SME member, manages "Alice Precisietechniek B.V." in Enschede (NL), listed publicly
- bob: confirmed intermediary at an intermediary in Münster (DE)
- charlie: confirmed analyst at a public authority in Arnhem (NL)
- dora: SME member of an unlisted company in Borken (DE); her firm did not consent to be listed
- staff: staff admin
"""

from __future__ import annotations

import pytest
from django.conf import settings
from django.db import transaction
from django.test import TransactionTestCase, override_settings
from django.utils import translation

from borderless.accounts.models import Role, User
from borderless.demo.services import DemoCounts, demo_seed
from borderless.organisations.models import Euregio, NaceDivision, NutsRegion, Town
from borderless.organisations.reference import reference_data_load
from tests.factories import PASSWORD, MembershipFactory, OrganisationFactory, StaffFactory, UserFactory, town

__all__ = ["PASSWORD", "make_org", "make_user", "town"]


FAST_PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
PRODUCTION_PASSWORD_HASHERS = list(settings.PASSWORD_HASHERS)


@pytest.fixture(scope="session", autouse=True)
def _fast_password_hashers():
    """Argon2 costs tens of milliseconds per hash by design; tests hash thousands of passwords.
    Tests about the production hasher ask for ``production_password_hashing``."""
    with override_settings(PASSWORD_HASHERS=FAST_PASSWORD_HASHERS):
        yield


@pytest.fixture
def production_password_hashing(settings):
    settings.PASSWORD_HASHERS = PRODUCTION_PASSWORD_HASHERS


REFERENCE_MODELS = (Euregio, NutsRegion, NaceDivision, Town)  # what reference_data_load writes
_reference_rows: dict[type, list] = {}


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database starts with the shipped reference data, as every real installation does."""
    with django_db_blocker.unblock():
        reference_data_load()
        _reference_rows.update({model: list(model.objects.order_by("pk")) for model in REFERENCE_MODELS})


def _reference_data_restore() -> None:
    # The rows as django_db_setup loaded them: much quicker than reading the sources again.
    if not _reference_rows:
        reference_data_load()
        return
    with transaction.atomic():
        for model, rows in _reference_rows.items():
            model.objects.bulk_create(rows)


_flush = TransactionTestCase._fixture_teardown


def _flush_and_reload_reference_data(self):
    # A transactional test (live server, threads, browser) ends with a flush that empties every table,
    # reference data included. Load it again right away, so that whichever test runs next in this
    # process (and with pytest-xdist the order is not fixed) finds the database as django_db_setup
    # left it.
    _flush(self)
    if "default" in self._databases_names(include_mirrors=False):
        _reference_data_restore()


TransactionTestCase._fixture_teardown = _flush_and_reload_reference_data


@pytest.fixture(scope="module")
def _demo_seeded_module(django_db_setup, django_db_blocker):
    # Seeding takes seconds; the tests of a module share one seed in an outer transaction that is
    # rolled back when the module ends. Each test runs in a savepoint inside it, so a test that changes
    # the seed (or seeds again) leaves the next test the fresh seed.
    with django_db_blocker.unblock(), transaction.atomic():
        counts = demo_seed()
        yield counts
        transaction.set_rollback(True)


@pytest.fixture
def demo(_demo_seeded_module, db) -> DemoCounts:
    """The seeded demo population (what ``make demo`` creates); returns the first seed's counts."""
    return _demo_seeded_module


@pytest.fixture(autouse=True)
def _default_language():
    """Every test starts in the default language, whatever an earlier test activated."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


def pytest_collection_modifyitems(config, items):
    # Order is free for correctness: a flushing test restores the reference data, the browser holds
    # DJANGO_ALLOW_ASYNC_UNSAFE for its own module only. It is chosen for speed. `make test` hands
    # whole files to the pytest-xdist workers in this order (--dist loadfile, so that a module-scoped
    # fixture is built once), so the slow modules (live servers, browser, server starts) go first and
    # the many quick ones even out the end. Within a module, the tests that use the shared demo seed
    # run last, together: its outer transaction stays open from the first of them to the module's end.
    def flushes(item) -> bool:
        marker = item.get_closest_marker("django_db")
        fixtures = set(getattr(item, "fixturenames", ()))
        return bool({"transactional_db", "live_server"} & fixtures) or bool(marker and marker.kwargs.get("transaction"))

    def shares_a_module_fixture(item) -> bool:
        info = getattr(item, "_fixtureinfo", None)
        return bool(info) and any(defs and defs[-1].scope == "module" for defs in info.name2fixturedefs.values())

    modules: dict[str, int] = {}
    slow: set[str] = set()
    for item in items:
        path = item.nodeid.split("::", 1)[0]
        modules.setdefault(path, len(modules))
        if item.get_closest_marker("e2e") or flushes(item) or shares_a_module_fixture(item):
            slow.add(path)

    def key(item):
        path = item.nodeid.split("::", 1)[0]
        return (path not in slow, modules[path], seeded(item))

    items.sort(key=key)


def seeded(item) -> bool:
    return "demo" in getattr(item, "fixturenames", ())


def make_user(email: str, *, role: str = Role.SME, confirmed: bool = True, language: str = "en", **extra) -> User:
    return UserFactory(email=email, role=role, role_confirmed=confirmed, language=language, **extra)


def make_org(name: str, *, kind: str = "company", town_name: str, country: str, listed: bool = True, **extra):
    return OrganisationFactory(
        name=name, kind=kind, town_name=town_name, country=country, listed_publicly=listed, **extra
    )


def persona(email: str, organisation: str, *, town_name: str, country: str, org_extra=None, **user_extra) -> User:
    """A user who manages their own organisation."""
    user = UserFactory(email=email, **user_extra)
    org = OrganisationFactory(name=organisation, town_name=town_name, country=country, **(org_extra or {}))
    MembershipFactory(organisation=org, user=user, is_manager=True)
    return user


@pytest.fixture
def alice(db) -> User:
    return persona(
        "alice@example.nl",
        "Alice Precisietechniek B.V.",
        town_name="Enschede",
        country="NL",
        org_extra={"founded_year": 1998},
        language="nl",
    )


@pytest.fixture
def bob(db) -> User:
    return persona(
        "bob@example.de",
        "Bob Wirtschaftsförderung",
        town_name="Münster",
        country="DE",
        org_extra={"kind": "intermediary", "working_languages": ["de", "nl"]},
        role=Role.INTERMEDIARY,
        language="de",
    )


@pytest.fixture
def charlie(db) -> User:
    return persona(
        "charlie@example.nl",
        "Charlie Provincie",
        town_name="Arnhem",
        country="NL",
        org_extra={"kind": "authority", "size_class": "large"},
        role=Role.ANALYST,
    )


@pytest.fixture
def dora(db) -> User:
    return persona(
        "dora@example.de",
        "Dora Maschinenbau GmbH",
        town_name="Borken",
        country="DE",
        org_extra={"listed_publicly": False, "working_languages": ["de"]},
        language="de",
    )


@pytest.fixture
def staff(db) -> User:
    return StaffFactory(email="staff@borderless.test")
