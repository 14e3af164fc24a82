"""The PostgreSQL path of the bulk import: COPY into a staging table, then INSERT … SELECT.

Rows arrive checked (see `bulk_import`). They are streamed with COPY into a temporary table and
moved into the real tables (organisations, atlas profiles, offers, needs) by four INSERT … SELECT
statements in the same transaction. For large files the foreign keys are dropped and re-created
around the inserts (see `foreign_keys_drop`).
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import connection, transaction
from django.utils import timezone

from borderless.organisations.models import Organisation

from .models import AtlasProfile, Visibility, new_public_reference


def table_name(model) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def foreign_keys_drop(cursor, tables: list[str]) -> list[tuple[str, str, str]]:
    """Drop the foreign keys on and to `tables` for the length of the transaction; returns what to re-create.

    With the keys in place PostgreSQL checks every inserted or deleted row on its own at commit
    (millions of checks for the full population, more than half of the import's time); re-creating
    a key checks all rows in one join. The price: the tables stay locked against other writers and
    readers until the transaction commits, so large imports and removals belong in a quiet hour.
    """
    cursor.execute(
        "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint"
        " WHERE contype = 'f' AND (conrelid = ANY(%s::regclass[]) OR confrelid = ANY(%s::regclass[]))"
        " ORDER BY conrelid::regclass::text, conname",
        [[t.strip('"') for t in tables]] * 2,
    )
    found = cursor.fetchall()
    if found:
        # Rows written earlier in the same transaction have their checks queued, and PostgreSQL alters
        # no table with queued checks: run them now.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    for table, name, _definition in found:
        cursor.execute(f"ALTER TABLE {table} DROP CONSTRAINT {connection.ops.quote_name(name)}")
    return found


def foreign_keys_restore(cursor, dropped: list[tuple[str, str, str]]) -> None:
    for table, name, definition in dropped:
        cursor.execute(f"ALTER TABLE {table} ADD CONSTRAINT {connection.ops.quote_name(name)} {definition}")
    if dropped:
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")  # Django's default for the rest of the transaction


def _insert_select(cursor, model, given: dict[str, tuple[str, list]], *, order_by: str, now) -> None:
    """INSERT INTO the model's table SELECT … FROM the staging table: the `given` fields from the staging
    table's columns (SQL expression and parameters), every other field its default, so that a field
    added to the model later needs no change here unless it has no default."""
    columns, expressions, params = [], [], []
    for field in model._meta.concrete_fields:
        if field.primary_key:
            continue
        columns.append(connection.ops.quote_name(field.column))
        if field.name in given:
            expression, values = given[field.name]
            expressions.append(expression)
            params.extend(values)
        else:
            value = now if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False) else None
            if value is None:
                value = field.get_default()
            expressions.append("%s")
            params.append(field.get_db_prep_save(value, connection))
    missing = set(given) - {f.name for f in model._meta.concrete_fields}
    if missing:
        raise ValueError(f"not a field of {model.__name__}: {', '.join(sorted(missing))}")
    cursor.execute(
        f"INSERT INTO {table_name(model)} ({', '.join(columns)})"
        f" SELECT {', '.join(expressions)} FROM atlas_import_staging ORDER BY {order_by}",
        params,
    )


def copy_import(rows: Iterable, *, prefix: str, steps, large: bool) -> tuple[int, int, int]:
    """Write checked rows (see bulk_import) in one transaction; returns organisations, offers, needs."""
    org, profile = table_name(Organisation), table_name(AtlasProfile)
    offers, needs = table_name(AtlasProfile.offers.through), table_name(AtlasProfile.needs.through)
    now = timezone.now()
    with transaction.atomic():
        with connection.cursor() as cursor:
            dropped = foreign_keys_drop(cursor, [org, profile, offers, needs]) if large else []
            cursor.execute("DROP TABLE IF EXISTS atlas_import_staging")  # left by an earlier import in this transaction
            cursor.execute(
                "CREATE TEMPORARY TABLE atlas_import_staging ("
                " ext_id bigint PRIMARY KEY, name text, kind text, country text, town_id integer, size_class text,"
                " sector text,"
                " offers text[], needs text[], follower_group text, visibility text, cooperated boolean,"
                " public_reference text"
                ") ON COMMIT DROP"
            )
            with cursor.copy(
                "COPY atlas_import_staging (ext_id, name, kind, country, town_id, size_class, sector, offers, needs,"
                " follower_group, visibility, cooperated, public_reference) FROM STDIN"
            ) as copy:
                for r in rows:
                    copy.write_row(
                        (
                            r.id,
                            r.name,
                            r.kind,
                            r.country,
                            r.town_id,  # None (NULL): the place is not known
                            r.size_class,
                            r.sector,
                            list(r.offers),
                            list(r.needs),
                            r.follower_group,
                            r.visibility,
                            r.cooperated,
                            new_public_reference(),  # random per profile, as for every other profile
                        )
                    )
            steps.done("copy")
            _insert_select(
                cursor,
                Organisation,
                {
                    "name": ("name", []),
                    "slug": ("%s || ext_id::text", [prefix]),
                    "kind": ("kind", []),
                    "country": ("country", []),
                    "town": ("town_id", []),
                    "size_class": ("size_class", []),
                    "sector": ("sector", []),
                    "listed_publicly": ("visibility = %s", [Visibility.PUBLIC]),
                },
                order_by="ext_id",
                now=now,
            )
            organisations = cursor.rowcount
            # The staging table learns each row's new ids, so that the inserts below need no join on slugs.
            cursor.execute("ALTER TABLE atlas_import_staging ADD COLUMN org_id integer, ADD COLUMN profile_id integer")
            cursor.execute(
                f"UPDATE atlas_import_staging s SET org_id = o.id FROM {org} o WHERE o.slug = %s || s.ext_id::text",
                [prefix],
            )
            steps.done("organisations")
            _insert_select(
                cursor,
                AtlasProfile,
                {
                    "organisation": ("org_id", []),
                    "public_reference": ("public_reference", []),
                    "visibility": ("visibility", []),
                    "imported_follower_group": ("follower_group", []),
                    "imported_cooperated": ("cooperated", []),
                },
                order_by="org_id",
                now=now,
            )
            cursor.execute(
                f"UPDATE atlas_import_staging s SET profile_id = p.id FROM {profile} p"
                " WHERE p.organisation_id = s.org_id"
            )
            steps.done("profiles")
            counts = []
            for table, column in ((offers, "offers"), (needs, "needs")):
                cursor.execute(
                    f"INSERT INTO {table} (atlasprofile_id, competence_id)"
                    f" SELECT profile_id, unnest({column}) FROM atlas_import_staging"
                )
                counts.append(cursor.rowcount)
                steps.done(column)
            foreign_keys_restore(cursor, dropped)
            if dropped:
                steps.done("constraints")
    steps.done("commit")
    with connection.cursor() as cursor:
        for table in (org, profile, offers, needs):
            cursor.execute(f"ANALYZE {table}")
    steps.done("analyze")
    return organisations, counts[0], counts[1]
