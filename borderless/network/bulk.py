"""Writing many new projects with their participations at once: COPY on PostgreSQL, bulk_create elsewhere.

The CORDIS import decides what is new (see `services.cordis_import`); this module only writes it,
inside the caller's transaction. On PostgreSQL the projects' ids are drawn from their sequence
first, so that projects and participations each go in with one COPY straight into their tables; on
SQLite (the laptop path) both go in with `bulk_create`, a block of projects at a time.

Fields the caller does not give get their model default, so a field added to the models later
needs no change here unless it has none.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import chain, islice
from operator import itemgetter
from typing import Any

from django.db import connection
from django.db.models import Model
from django.utils import timezone

from .models import Participation, Project

BLOCK = 5000  # projects per round of bulk_create


@dataclass(frozen=True, slots=True)
class NewProject:
    """A project to insert: its fields by name (`source` and `source_id` among them), and one mapping
    of fields per participation (without the project)."""

    values: Mapping[str, Any]
    participations: Sequence[Mapping[str, Any]]


def projects_insert(projects: Sequence[NewProject]) -> None:
    """Insert `projects` and their participations; the caller holds the transaction."""
    if not projects:
        return
    if connection.vendor == "postgresql":
        _copy(projects)
    else:
        _bulk_create(projects)


def _blocks(items: Sequence[NewProject]) -> Iterator[Sequence[NewProject]]:
    iterator = iter(items)
    while block := list(islice(iterator, BLOCK)):
        yield block


def _bulk_create(projects: Sequence[NewProject]) -> None:
    for block in _blocks(projects):
        created = Project.objects.bulk_create([Project(**p.values) for p in block])
        if not connection.features.can_return_rows_from_bulk_insert:
            ids = dict(
                Project.objects.filter(
                    source=block[0].values["source"], source_id__in=[p.values["source_id"] for p in block]
                ).values_list("source_id", "pk")
            )
            for project in created:
                project.pk = ids[project.source_id]
        Participation.objects.bulk_create(
            Participation(project_id=project.pk, **values)
            for project, p in zip(created, block, strict=True)
            for values in p.participations
        )


def _copy(projects: Sequence[NewProject]) -> None:
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
            [quote(Project._meta.db_table), len(projects)],
        )
        ids = [row[0] for row in cursor.fetchall()]
        _copy_rows(cursor, Project, ({"id": i, **p.values} for i, p in zip(ids, projects, strict=True)))
        _copy_rows(
            cursor,
            Participation,
            ({"project_id": i, **values} for i, p in zip(ids, projects, strict=True) for values in p.participations),
        )
        for model in (Project, Participation):
            # The planner's statistics, for the network's reads right after a large import.
            cursor.execute(f"ANALYZE {quote(model._meta.db_table)}")


def _copy_rows(cursor, model: type[Model], rows: Iterable[Mapping[str, Any]]) -> None:
    """COPY `rows` into the model's table: the fields the first row names (by attname, "organisation_id"),
    every other field its default. Every row must name the same fields."""
    iterator = iter(rows)
    first = next(iterator, None)
    if first is None:
        return
    fields = {field.attname: field for field in model._meta.concrete_fields}
    given = list(first)
    unknown = [name for name in given if name not in fields]
    if unknown:
        raise ValueError(f"not a field of {model.__name__}: {', '.join(unknown)}")
    now = timezone.now()
    columns = [str(fields[name].column) for name in given]
    defaults: list[Any] = []
    for field in model._meta.concrete_fields:
        if field.attname in first or field.primary_key:
            continue
        value = now if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False) else None
        if value is None:
            value = field.get_default()
        columns.append(str(field.column))
        defaults.append(field.get_db_prep_save(value, connection))
    quote = connection.ops.quote_name
    statement = f"COPY {quote(model._meta.db_table)} ({', '.join(quote(c) for c in columns)}) FROM STDIN"
    pick = itemgetter(*given) if len(given) > 1 else (lambda values: (values[given[0]],))
    with cursor.copy(statement) as copy:
        for values in chain([first], iterator):
            copy.write_row((*pick(values), *defaults))
