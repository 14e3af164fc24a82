"""Partner matching and contacts left the atlas for apps of their own: a database holding the demo data
and contacts from before the split keeps every row, in both directions of the migration."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from borderless.atlas.models import AtlasProfile
from borderless.contacts import services as contacts
from borderless.contacts.models import AbuseReport, Block, ContactEvent, ContactRequest, Notification
from borderless.matching.models import MatchingWeights
from borderless.organisations.models import Membership
from borderless.organisations.services import membership_add
from tests.conftest import make_org, make_user
from tests.contacts.contact_setup import profile

BEFORE = [("atlas", "0005_atlasprofile_public_reference_unique"), ("contacts", None), ("matching", None)]
MOVED = {
    "matchingweights": "matching",
    "contactrequest": "contacts",
    "contactevent": "contacts",
    "block": "contacts",
    "abusereport": "contacts",
    "notification": "contacts",
}
MESSAGE = "We build measuring rigs and look for a partner across the border."


def rows(table: str) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)} ORDER BY id")
        return cursor.fetchall()


def tables() -> set[str]:
    return set(connection.introspection.table_names())


def leaf_nodes() -> list[tuple[str, str]]:
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


@pytest.mark.django_db(transaction=True)
def test_the_demo_database_from_before_the_split_keeps_every_row(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    call_command("load_taxonomy", verbosity=0)
    call_command("seed_demo", "--force", verbosity=0)
    # Contacts of every kind, as people make them: a request, an answer, a report, a block, notices.
    managers = list(
        Membership.objects.filter(is_manager=True, organisation__kind="company")
        .select_related("organisation", "user")
        .order_by("organisation__slug")[:2]
    )
    third = make_org("Dritte Fertigung GmbH", town_name="Bocholt", country="DE")
    membership_add(organisation=third, user=make_user("dritte@example.de"), is_manager=True)
    a, b = managers
    c = Membership.objects.select_related("organisation", "user").get(organisation=third)
    managers.append(c)
    for membership in managers:
        if not AtlasProfile.objects.filter(organisation=membership.organisation).exists():
            profile(membership.organisation)
    request = contacts.contact_request_send(
        requester_org=a.organisation, receiver_org=b.organisation, user=a.user, message=MESSAGE
    )
    contacts.contact_request_decide(request=request, user=b.user, accept=True)
    unwanted = contacts.contact_request_send(
        requester_org=c.organisation, receiver_org=b.organisation, user=c.user, message=MESSAGE
    )
    contacts.report(request=unwanted, user=b.user, reason="Advertising.")
    contacts.block(blocker_org=b.organisation, blocked_org=c.organisation, user=b.user)
    MatchingWeights.objects.create(proximity=0.3)

    models = (ContactRequest, ContactEvent, Block, AbuseReport, Notification, MatchingWeights)
    now = {model._meta.model_name: rows(model._meta.db_table) for model in models}
    assert all(now.values()), "every moved table holds rows before migrating"

    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    # The database as it was before the split: the same rows, in the atlas's tables.
    assert not {f"{app}_{name}" for name, app in MOVED.items()} & tables()
    for name in MOVED:
        # Columns added after the split (the weight of partners of partners) are not there yet.
        width = len(rows(f"atlas_{name}")[0])
        assert rows(f"atlas_{name}") == [row[:width] for row in now[name]]

    MigrationExecutor(connection).migrate(leaf_nodes())
    for name, app in MOVED.items():
        assert rows(f"{app}_{name}") == now[name]
    assert not {f"atlas_{name}" for name in MOVED} & tables()
    # The models read them as before, and the admin's content types moved with them.
    assert ContactRequest.objects.get(pk=request.pk).state == ContactRequest.State.ACCEPTED
    assert Block.objects.filter(blocker=b.organisation, blocked=c.organisation).exists()
    from django.contrib.contenttypes.models import ContentType

    assert set(ContentType.objects.filter(model__in=MOVED).values_list("app_label", "model")) == {
        (app, name) for name, app in MOVED.items()
    }
