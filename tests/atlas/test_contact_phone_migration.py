"""Phone numbers stored before they became E.164: converted per organisation's country, none lost."""

from __future__ import annotations

from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from borderless.atlas.models import AtlasProfile
from borderless.contacts.selectors import details_of
from borderless.organisations.models import Organisation, Town
from borderless.organisations.reference import reference_data_load


def _atlas_leaf():
    executor = MigrationExecutor(connection)
    return [key for key in executor.loader.graph.leaf_nodes() if key[0] == "atlas"]


BEFORE = [("atlas", "0007_competence_label_translated")]


def test_the_migration_converts_stored_numbers_and_keeps_the_unreadable_ones(django_db_setup, django_db_blocker):
    """Real transactions, as in test_migrations.py: SQLite alters no table inside one."""
    stored = {
        4301: ("Enschede", "053 - 123 45 67", "+31531234567"),
        4302: ("Bocholt", "02871 123456", "+492871123456"),
        4303: ("Bocholt", "+31 6 12345678", "+31612345678"),
        4304: ("Enschede", "ask for Jan", "ask for Jan"),
        4305: ("Enschede", "", ""),
    }
    with django_db_blocker.unblock():
        if not Town.objects.exists():  # an earlier browser test flushed the database
            reference_data_load()
        try:
            executor = MigrationExecutor(connection)
            executor.migrate(BEFORE)
            Old = executor.loader.project_state(BEFORE).apps.get_model("atlas", "AtlasProfile")
            for pk, (town_name, raw, _expected) in stored.items():
                town = Town.objects.filter(name=town_name).first()
                Organisation.objects.create(
                    pk=pk, name=f"Phone {pk}", slug=f"phone-{pk}", kind="company", town_id=town.pk,
                    size_class="small", working_languages="nl",
                )  # fmt: skip
                Old.objects.create(organisation_id=pk, contact_phone=raw, cooperation_kinds=[])
            MigrationExecutor(connection).migrate(_atlas_leaf())

            rows = dict(
                AtlasProfile.objects.filter(organisation_id__in=stored).values_list("organisation_id", "contact_phone")
            )
            assert len(rows) == len(stored)  # no profile lost
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT organisation_id, contact_phone FROM atlas_atlasprofile WHERE organisation_id >= 4301"
                    " AND organisation_id <= 4305"
                )
                raw_rows = dict(cursor.fetchall())
            assert raw_rows == {pk: expected for pk, (_town, _raw, expected) in stored.items()}
            kept = AtlasProfile.objects.get(organisation_id=4304)
            assert details_of(kept.organisation).phone == "ask for Jan"  # shown as before
            assert rows[4301] == "+31531234567"
        finally:
            MigrationExecutor(connection).migrate(_atlas_leaf())
            Organisation.objects.filter(pk__in=stored).delete()
