"""The data migration brings stored accounts under the new rules."""

from datetime import timedelta

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from borderless.organisations.models import Town

BEFORE = [("accounts", "0002_limits_and_email_verification")]


@pytest.fixture
def old_schema(transactional_db):
    """The database as it was before the data migration; migrated to the newest state afterwards."""
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    yield executor.loader.project_state([*BEFORE, ("organisations", "0002_confirmation_and_review")]).apps
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


def migrate_forward():
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


def test_addresses_are_normalised_and_existing_ones_count_as_confirmed(old_schema):
    User = old_schema.get_model("accounts", "User")
    joined = timezone.now() - timedelta(days=30)
    User.objects.create(email="\u017fme.de@Example.org", full_name="S", date_joined=joined)
    User.objects.create(email="Anna@EXAMPLE.org", full_name="A", date_joined=joined)
    # Two accounts whose addresses are one address: the one that logged in last keeps it.
    User.objects.create(email="Bob@example.org", full_name="B1", date_joined=joined)
    User.objects.create(email="BOB@example.org", full_name="B2", date_joined=joined, last_login=timezone.now())

    migrate_forward()

    from borderless.accounts.models import User as CurrentUser

    emails = dict(CurrentUser.objects.values_list("full_name", "email"))
    assert emails["S"] == "sme.de@example.org"
    assert emails["A"] == "anna@example.org"
    assert emails["B2"] == "bob@example.org"
    assert emails["B1"] == "Bob@example.org"  # left for staff to sort out
    assert set(CurrentUser.objects.values_list("email_verified_at", flat=True)) == {joined}
    # The normalised accounts log in with any spelling.
    assert CurrentUser.objects.get_by_natural_key("SME.DE@example.org").full_name == "S"


def test_recent_failed_log_ins_keep_counting_and_old_ones_go(old_schema):
    LoginFailure = old_schema.get_model("accounts", "LoginFailure")
    LoginFailure.objects.create(email="Alice@Example.nl", ip_address="192.0.2.7", at=timezone.now())
    LoginFailure.objects.create(email="alice@example.nl", ip_address=None, at=timezone.now() - timedelta(days=3))

    migrate_forward()

    from borderless.accounts.models import LimitEvent

    assert sorted(LimitEvent.objects.values_list("scope", "key")) == [
        ("login-address", "alice@example.nl"),
        ("login-client", "192.0.2.7"),
    ]


def test_organisations_signed_up_by_unconfirmed_intermediaries_wait_for_staff(old_schema):
    User = old_schema.get_model("accounts", "User")
    Organisation = old_schema.get_model("organisations", "Organisation")
    Membership = old_schema.get_model("organisations", "Membership")
    town = Town.objects.filter(name="Enschede").first()

    def org(name, kind, manager):
        created = Organisation.objects.create(
            name=name, slug=name.lower(), kind=kind, town_id=town.pk, size_class="small"
        )
        Membership.objects.create(organisation=created, user=manager, is_manager=True)

    org("Fake", "intermediary", User.objects.create(email="f@x.org", role="intermediary", role_confirmed=False))
    org("Real", "intermediary", User.objects.create(email="r@x.org", role="intermediary", role_confirmed=True))
    org("Firm", "company", User.objects.create(email="c@x.org", role="sme", role_confirmed=True))

    migrate_forward()

    from borderless.organisations.models import Organisation as CurrentOrganisation

    assert dict(CurrentOrganisation.objects.values_list("name", "confirmed")) == {
        "Fake": False,
        "Real": True,
        "Firm": True,
    }
