"""The atlas's projects move into the network with their participants: none lost, none doubled."""

from __future__ import annotations

from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from borderless.network.models import Participation, Project
from borderless.organisations.models import Organisation, Town
from borderless.organisations.reference import reference_data_load

BEFORE = [("atlas", "0008_atlasprofile_contact_phone_e164"), ("network", "0002_project_from_atlas_and_figures")]


def _leaves():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


def test_atlas_projects_become_network_projects_with_their_participants(django_db_setup, django_db_blocker):
    """Real transactions, as in the atlas's migration tests: SQLite alters no table inside one."""
    with django_db_blocker.unblock():
        if not Town.objects.exists():  # an earlier browser test flushed the database
            reference_data_load()
        try:
            executor = MigrationExecutor(connection)
            executor.migrate(BEFORE)
            Old = executor.loader.project_state(BEFORE).apps.get_model("atlas", "Project")
            enschede = Town.objects.filter(name="Enschede").first()
            bocholt = Town.objects.filter(name="Bocholt").first()
            Organisation.objects.create(
                pk=4401, name="Twente Sensing B.V.", slug="move-4401", kind="company", town_id=enschede.pk,
                size_class="small", working_languages="nl",
            )  # fmt: skip
            Organisation.objects.create(
                pk=4402, name="Hochschule Bocholt", slug="move-4402", kind="knowledge", town_id=bocholt.pk,
                size_class="large", working_languages="de",
            )  # fmt: skip
            old = Old.objects.create(title="Grenzenlos Sensorik", year=2019, programme="Digipro (Interreg V-A)")
            old.participants.set([4401, 4402])
            Old.objects.create(title="Ohne Partner", year=None, programme="")

            MigrationExecutor(connection).migrate(_leaves())

            moved = Project.objects.get(source="atlas", source_id=str(old.pk))
            assert (moved.title, moved.start_year, moved.programme) == ("Grenzenlos Sensorik", 2019, "open_formula")
            assert moved.programme_detail == "Digipro (Interreg V-A)"
            rows = {p.organisation_id: p for p in moved.participations.all()}
            assert set(rows) == {4401, 4402}
            assert (rows[4401].country, rows[4401].kind, rows[4402].kind) == ("NL", "company", "knowledge")
            assert rows[4402].nuts_code == bocholt.nuts3_id
            empty = Project.objects.get(source="atlas", title="Ohne Partner")
            assert empty.start_year is None and not empty.participations.exists()
        finally:
            MigrationExecutor(connection).migrate(_leaves())
            Participation.objects.filter(organisation_id__in=[4401, 4402]).delete()
            Project.objects.filter(source="atlas").delete()
            Organisation.objects.filter(pk__in=[4401, 4402]).delete()
