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
from django.utils import translation

from borderless.accounts.models import Role, User
from borderless.organisations.models import NaceDivision, Town
from borderless.organisations.reference import reference_data_load
from borderless.organisations.services import membership_add, organisation_create

PASSWORD = "correct-horse-battery-staple"


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database starts with the shipped reference data, as every real installation does."""
    with django_db_blocker.unblock():
        reference_data_load()


@pytest.fixture(autouse=True)
def _reference_data_after_flush(request):
    """Transactional (browser) tests flush the database; give them the reference data back."""
    if {"transactional_db", "live_server"} & set(request.fixturenames):
        request.getfixturevalue("transactional_db")
        if not Town.objects.exists():
            reference_data_load()


@pytest.fixture(autouse=True)
def _default_language():
    """Every test starts in the default language, whatever an earlier test activated."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


def pytest_collection_modifyitems(config, items):
    # Tests outside a transaction (live servers, concurrency, browser tests) flush the database when
    # they end, reference data included, so they run after all the others; browser tests last.
    def flushes(item) -> bool:
        marker = item.get_closest_marker("django_db")
        fixtures = set(getattr(item, "fixturenames", ()))
        return bool({"transactional_db", "live_server"} & fixtures) or bool(marker and marker.kwargs.get("transaction"))

    items.sort(key=lambda item: (item.get_closest_marker("e2e") is not None, flushes(item)))


def town(name: str, country: str) -> Town:
    return Town.objects.filter(name=name, country=country).order_by("-population").first()


def make_user(email: str, *, role: str = Role.SME, confirmed: bool = True, language: str = "en", **extra) -> User:
    return User.objects.create_user(
        email=email,
        password=PASSWORD,
        full_name=email.split("@")[0].title(),
        role=role,
        role_confirmed=confirmed,
        language=language,
        **extra,
    )


def make_org(name: str, *, kind: str = "company", town_name: str, country: str, listed: bool = True, **extra):
    return organisation_create(
        name=name,
        kind=kind,
        town=town(town_name, country),
        size_class=extra.pop("size_class", "small"),
        sector=extra.pop("sector", NaceDivision.objects.get(code="28")),
        listed_publicly=listed,
        working_languages=extra.pop("working_languages", ["nl", "en"]),
        **extra,
    )


@pytest.fixture
def alice(db) -> User:
    user = make_user("alice@example.nl", language="nl")
    org = make_org("Alice Precisietechniek B.V.", town_name="Enschede", country="NL", founded_year=1998)
    membership_add(organisation=org, user=user, is_manager=True)
    return user


@pytest.fixture
def bob(db) -> User:
    user = make_user("bob@example.de", role=Role.INTERMEDIARY, language="de")
    org = make_org(
        "Bob Wirtschaftsförderung",
        kind="intermediary",
        town_name="Münster",
        country="DE",
        working_languages=["de", "nl"],
    )
    membership_add(organisation=org, user=user, is_manager=True)
    return user


@pytest.fixture
def charlie(db) -> User:
    user = make_user("charlie@example.nl", role=Role.ANALYST)
    org = make_org("Charlie Provincie", kind="authority", town_name="Arnhem", country="NL", size_class="large")
    membership_add(organisation=org, user=user, is_manager=True)
    return user


@pytest.fixture
def dora(db) -> User:
    user = make_user("dora@example.de", language="de")
    org = make_org("Dora Maschinenbau GmbH", town_name="Borken", country="DE", listed=False, working_languages=["de"])
    membership_add(organisation=org, user=user, is_manager=True)
    return user


@pytest.fixture
def staff(db) -> User:
    return User.objects.create_superuser(email="staff@borderless.test", password=PASSWORD, full_name="Staff Admin")
