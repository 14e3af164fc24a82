"""Labels, names and descriptions became translated content fields (django-modeltranslation): a database
from before keeps every row and every language's text, in both directions of the migration."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import translation

from borderless.atlas.models import Competence
from borderless.instruments.models import Instrument
from borderless.organisations.models import NaceDivision

BEFORE = [
    ("atlas", "0006_models_move_to_matching_and_contacts"),
    ("organisations", "0002_confirmation_and_review"),
    ("instruments", "0001_initial"),
]
COLUMNS = {
    "atlas_competence": ("code", "label_en", "label_de", "label_nl"),
    "organisations_nacedivision": ("code", "label_en", "label_de", "label_nl"),
    "instruments_instrument": (
        "identifier",
        *(f"{name}_{lang}" for name in ("name", "description") for lang in ("en", "de", "nl")),
    ),
}


def rows(table: str, columns: tuple[str, ...]) -> list[tuple]:
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {', '.join(map(quote, columns))} FROM {quote(table)} ORDER BY {quote(columns[0])}")
        return cursor.fetchall()


def column_names(table: str) -> set[str]:
    with connection.cursor() as cursor:
        return {c.name for c in connection.introspection.get_table_description(cursor, table)}


def leaf_nodes() -> list[tuple[str, str]]:
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


@pytest.mark.django_db(transaction=True)
def test_every_row_keeps_its_three_languages_backwards_and_forwards():
    NaceDivision.objects.update_or_create(code="28", defaults={
        "section": "C", "label_en": "Manufacture of machinery and equipment n.e.c.",
        "label_de": "Maschinenbau", "label_nl": "Vervaardiging van machines en apparaten, n.e.g.",
    })  # fmt: skip
    Competence.objects.create(
        code="tech.exoskeletons", group="technology", cluster="robotics", label_en="Exoskeletons",
        label_de="Exoskelette", label_nl="Exoskeletten", version="staff",
    )  # fmt: skip
    # A staff entry whose Dutch label is still missing: stored as NULL now, "" before.
    Competence.objects.create(code="tech.cobots", group="technology", cluster="robotics", label_en="Cobots",
                              label_de="Kollaborative Roboter", version="staff")  # fmt: skip
    Instrument.objects.create(
        identifier="twente-voucher", name_en="Twente digitalisation voucher",
        name_de="Digitalisierungsgutschein Twente", name_nl="Digitaliseringsvoucher Twente",
        description_en="A voucher for SMEs.", description_de="Ein Gutschein für KMU.",
        description_nl="Een voucher voor het mkb.", level="local", kind="voucher", source="Test.",
    )  # fmt: skip
    now = {table: rows(table, columns) for table, columns in COLUMNS.items()}
    assert all(now.values()), "every table holds rows before migrating"

    MigrationExecutor(connection).migrate(BEFORE)
    for table, columns in COLUMNS.items():
        before = [tuple("" if value is None else value for value in row) for row in now[table]]
        assert rows(table, columns) == before, table
    assert "label" not in column_names("atlas_competence")
    assert not {"name", "description"} & column_names("instruments_instrument")

    MigrationExecutor(connection).migrate(leaf_nodes())
    for table, columns in COLUMNS.items():
        after = [tuple("" if value is None else value for value in row) for row in now[table]]
        assert rows(table, columns) == after, table
    # The base columns hold the English text; the models read each language as before.
    for table, base in (("atlas_competence", "label"), ("organisations_nacedivision", "label")):
        assert rows(table, ("code", base)) == [(code, en or "") for code, en, _de, _nl in now[table]], table
    assert rows("instruments_instrument", ("identifier", "name", "description")) == [
        ("twente-voucher", "Twente digitalisation voucher", "A voucher for SMEs.")
    ]
    with translation.override("nl"):
        assert Competence.objects.get(code="tech.exoskeletons").label == "Exoskeletten"
        assert Competence.objects.get(code="tech.cobots").label == "Cobots"  # English when Dutch is empty
        assert NaceDivision.objects.get(code="28").label.startswith("Vervaardiging van machines")
        assert Instrument.objects.get().description == "Een voucher voor het mkb."
    with translation.override("de"):
        assert Instrument.objects.get().name == "Digitalisierungsgutschein Twente"
