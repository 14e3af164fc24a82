"""Stored anonymous references: a database from before keeps every anonymous link it handed out."""

from __future__ import annotations

from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from borderless.organisations.models import Organisation, Town
from borderless.organisations.reference import reference_data_load
from tests.conftest import make_org

BEFORE = [("atlas", "0003_profile_show_follower_group")]
SECRET = "migration-test-secret-key-0123456789abcdef"
# What the atlas answered at /atlas/<reference>/ before references were stored, for organisation 4242
# and 4243 under SECRET (computed by the earlier code, which derived them from SECRET_KEY).
OLD_LINKS = {4242: "anon-ae6bd24b2f89a4db", 4243: "anon-9f8815e916fd16f1"}


def _latest():
    executor = MigrationExecutor(connection)
    return [key for key in executor.loader.graph.leaf_nodes() if key[0] == "atlas"]


def test_old_anonymous_links_keep_working_after_the_migration(client, settings, django_db_setup, django_db_blocker):
    """Migrating needs real transactions (SQLite alters no table inside one), so this test writes to the
    test database outside the usual test transaction and removes what it wrote itself, instead of
    flushing the database (which would take the reference data with it)."""
    settings.SECRET_KEY = SECRET
    with django_db_blocker.unblock():
        created: list[int] = []
        if not Town.objects.exists():  # an earlier browser test flushed the database
            reference_data_load()
        try:
            executor = MigrationExecutor(connection)
            executor.migrate(BEFORE)
            # The atlas as it was; organisations are today's (only the atlas went back).
            AtlasProfile = executor.loader.project_state(BEFORE).apps.get_model("atlas", "AtlasProfile")
            town = Town.objects.filter(name="Bocholt").first()
            for pk, name in ((4242, "Verborgene Technik GmbH"), (4243, "Offene Technik GmbH")):
                organisation = Organisation.objects.create(
                    pk=pk, name=name, slug=name.lower().replace(" ", "-"), kind="company", town_id=town.pk,
                    size_class="small", working_languages="de",
                )  # fmt: skip
                created.append(pk)
                AtlasProfile.objects.create(
                    organisation_id=organisation.pk,
                    visibility="anonymous" if pk == 4242 else "public",
                    cooperation_kinds=[],
                )
            MigrationExecutor(connection).migrate(_latest())

            from borderless.atlas.models import AtlasProfile as Current

            assert dict(Current.objects.values_list("organisation_id", "public_reference")) == OLD_LINKS
            # The anonymous firm's old link shows its card (with enough look-alikes to be shown at all).
            for n in range(4):
                created.append(make_org(f"Nachbar {n} GmbH", town_name="Bocholt", country="DE", listed=False,
                                        sector=None).pk)  # fmt: skip
            response = client.get(reverse("atlas:detail", args=[OLD_LINKS[4242]]))
            assert response.status_code == 200
            html = response.content.decode()
            assert "Verborgene" not in html and "Company in Borken (DE)" in html
            # New profiles get a random reference, not one derived from the key.
            newcomer = make_org("Neu GmbH", town_name="Bocholt", country="DE")
            created.append(newcomer.pk)
            fresh = Current.objects.create(organisation=newcomer)
            assert fresh.public_reference.startswith("anon-") and len(fresh.public_reference) == 21
            assert fresh.public_reference not in OLD_LINKS.values()
        finally:
            MigrationExecutor(connection).migrate(_latest())
            Organisation.objects.filter(pk__in=created).delete()
