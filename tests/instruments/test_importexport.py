"""The exchange format: the seed load, JSON and CSV import and export, all or nothing, with a report per row."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import translation

from borderless.core.instruments import Criterion
from borderless.instruments.importexport import (
    CSV_COLUMNS,
    catalogue_queryset,
    export_csv,
    export_json,
    import_csv,
    import_file,
    import_json,
)
from borderless.instruments.models import Instrument, InstrumentChange
from borderless.instruments.services import CallInput, instrument_update, instrument_verify
from borderless.organisations.models import OrganisationKind

from ..conftest import make_org

pytestmark = pytest.mark.django_db

SEED = Path(__file__).resolve().parents[2] / "borderless" / "instruments" / "data" / "catalogue.json"


def seed() -> dict:
    return json.loads(SEED.read_text(encoding="utf-8"))


def load() -> str:
    out = io.StringIO()
    call_command("load_instruments", stdout=out)
    return out.getvalue()


def state() -> list[dict]:
    """The catalogue as the exchange format shows it, for comparing before and after."""
    return export_json(catalogue_queryset())["instruments"]


def entry(identifier: str, **changes) -> dict:
    row = {
        "identifier": identifier,
        "name": {"en": f"{identifier} (en)", "de": f"{identifier} (de)", "nl": f"{identifier} (nl)"},
        "description": {"en": "About it.", "de": "Darüber.", "nl": "Erover."},
        "hasCompetentAuthority": {"name": "Provincie Overijssel", "country": "NL", "slug": None, "website": None},
        "level": "land_province",
        "kind": "voucher",
        "spatial": ["NL21"],
        "language": ["nl"],
        "hasCriterionRequirement": [{"type": "region", "codes": ["NL21"]}],
        "funding": {"min_amount": 500, "max_amount": 5000, "rate_percent": 50, "currency": "EUR"},
        "status": "open",
        "calls": [{"title": "2026", "opens": "2026-01-15", "closes": "2026-06-30"}],
        "website": "https://www.overijssel.nl",
        "next": [],
        "source": "Provincial leaflet",
        "verified": False,
        "verified_at": None,
        "verified_by": None,
    }
    row.update(changes)
    return row


def write(tmp_path: Path, name: str, content: str) -> Path:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return path


def import_path(path: Path, user=None):
    return import_file(path.name, path.read_bytes(), user=user)


# --- the seed catalogue --------------------------------------------------------------------------


def test_the_seed_loads_every_instrument_unverified_with_its_source():
    output = load()
    assert "21 created" in output
    assert Instrument.objects.count() == 21
    assert not Instrument.objects.filter(verified_at__isnull=False).exists()
    voucher = Instrument.objects.get(identifier="overijssel-digitaliseringsvoucher-mkb")
    assert voucher.source.startswith("Borderless brief")
    assert (voucher.min_amount, voucher.max_amount, voucher.rate_percent, voucher.status) == (None, None, None, "")
    assert voucher.name_de.startswith("Digitaliseringsvoucher MKB")
    assert [c.type for c in voucher.criteria.all()] == ["region", "organisation_kind", "size_class", "free_text"]
    assert set(voucher.next_instruments.values_list("identifier", flat=True)) == {
        "nl-mit-haalbaarheidsproject",
        "eu-edih",
    }
    assert Instrument.objects.get(identifier="interreg-de-nl-digipro").status == "closed"
    changes = InstrumentChange.objects.all()
    assert changes.count() == 21
    assert {(c.action, c.changed_by) for c in changes} == {("imported", None)}


def test_loading_the_seed_twice_changes_nothing():
    load()
    stamps = dict(Instrument.objects.values_list("identifier", "updated_at"))
    output = load()
    assert "0 created, 0 updated, 21 unchanged" in output
    assert dict(Instrument.objects.values_list("identifier", "updated_at")) == stamps
    assert InstrumentChange.objects.count() == 21


def test_the_seed_links_organisations_that_are_on_the_platform():
    make_org("Oost NL", kind=OrganisationKind.INTERMEDIARY, town_name="Arnhem", country="NL")
    load()
    rom = Instrument.objects.get(identifier="nl-rom-investments")
    assert list(rom.contact_points.values_list("slug", flat=True)) == ["oost-nl"]


def test_the_seed_load_keeps_what_curators_changed(bob):
    load()
    voucher = Instrument.objects.get(identifier="overijssel-digitaliseringsvoucher-mkb")
    instrument_update(instrument=voucher, data={"status": "open"}, user=bob)
    instrument_verify(instrument=voucher, user=bob)
    assert "1 kept as curated" in load()
    voucher.refresh_from_db()
    assert voucher.status == "open" and voucher.verified_by == bob


# --- JSON ----------------------------------------------------------------------------------------


def test_a_good_json_file_is_imported(tmp_path, bob):
    document = {"instruments": [entry("first-step", next=["second-step"]), entry("second-step", kind="grant")]}
    report = import_path(write(tmp_path, "catalogue.json", json.dumps(document)), user=bob)
    assert report.ok, report.errors
    assert report.created == ["first-step", "second-step"]
    first = Instrument.objects.get(identifier="first-step")
    assert first.next_instruments.get().identifier == "second-step"  # named later in the same file
    assert (first.min_amount, first.max_amount, first.rate_percent) == (Decimal(500), Decimal(5000), Decimal(50))
    assert first.calls.get().closes_on == date(2026, 6, 30)
    assert InstrumentChange.objects.filter(action="imported", changed_by=bob).count() == 2


def test_a_json_file_with_one_bad_row_imports_nothing_and_names_the_row(tmp_path, bob):
    document = {
        "instruments": [
            entry("fine"),
            entry(
                "broken",
                funding={"min_amount": 9000, "max_amount": 100, "rate_percent": None, "currency": "EUR"},
                hasCriterionRequirement=[{"type": "region", "codes": ["NL99"]}],
                next=["missing-one"],
            ),
            entry("also-fine"),
        ]
    }
    report = import_path(write(tmp_path, "catalogue.json", json.dumps(document)), user=bob)
    assert not report.ok
    assert not Instrument.objects.exists()
    assert not InstrumentChange.objects.exists()
    found = {(e.row, e.identifier, e.field): e.message for e in report.errors}
    assert found == {
        (
            2,
            "broken",
            "funding.max_amount",
        ): "The smallest amount (9000.00) is larger than the largest amount (100.00).",
        (2, "broken", "hasCriterionRequirement #1"): "Unknown region: NL99.",
        (2, "broken", "next"): "Unknown next instrument: missing-one.",
    }
    assert report.bad_rows == 1


def test_the_report_is_in_the_importers_language(tmp_path):
    document = [entry("broken", hasCriterionRequirement=[{"type": "region", "codes": ["NL99"]}])]
    with translation.override("de"):
        report = import_json(document)
    assert [e.message for e in report.errors] == ["Unbekannte Region: NL99."]


def test_malformed_rows_and_files_are_reported_not_raised():
    report = import_json(
        {
            "instruments": [
                "not an object",
                entry("odd", funding={"min_amount": "lots"}, calls=[{"opens": "1st of May"}], verified=True),
                entry("huge", funding={"min_amount": None, "max_amount": 1e40, "rate_percent": 0.001}),
            ]
        }
    )
    fields = {(e.row, e.field) for e in report.errors}
    assert {(1, ""), (2, "funding.min_amount"), (2, "calls #1"), (2, "verified")} <= fields
    assert {(3, "funding.max_amount"), (3, "funding.rate_percent")} <= fields
    assert import_json({"something": "else"}).errors[0].row == 0
    broken = import_file("catalogue.json", b'{"instruments": [')
    assert not broken.ok and "not valid JSON" in broken.errors[0].message
    assert not Instrument.objects.exists()


def test_an_import_updates_by_identifier_and_keeps_fields_it_leaves_out(bob):
    import_json([entry("first-step")])
    row = {"identifier": "first-step", "status": "budget_exhausted"}  # nothing else
    report = import_json([row], user=bob)
    assert report.updated == ["first-step"]
    instrument = Instrument.objects.get()
    assert (instrument.status, instrument.max_amount, instrument.name_de) == (
        "budget_exhausted",
        Decimal(5000),
        "first-step (de)",
    )
    change = InstrumentChange.objects.filter(changed_by=bob).get()
    assert change.changes == {"status": ["open", "budget_exhausted"]}


def test_json_round_trip_gives_the_same_catalogue(bob):
    make_org("Oost NL", kind=OrganisationKind.INTERMEDIARY, town_name="Arnhem", country="NL")
    load()
    mit = Instrument.objects.get(identifier="nl-mit-haalbaarheidsproject")
    instrument_update(
        instrument=mit,
        data={"min_amount": Decimal("1234.56"), "max_amount": Decimal("20000"), "rate_percent": Decimal("35.5")},
        calls=[CallInput("Round 1", date(2026, 2, 1), date(2026, 3, 31)), CallInput("", None, date(2026, 9, 1))],
        criteria=[*(Criterion(c.type, c.params) for c in mit.criteria.all()), Criterion("acatech_stage", {"min": 2})],
        user=bob,
    )
    instrument_verify(instrument=mit, user=bob)
    exported = export_json(catalogue_queryset())
    before = state()
    changes = InstrumentChange.objects.count()

    # Into the same catalogue: nothing changes.
    report = import_json(json.loads(json.dumps(exported)), user=bob)
    assert report.ok and len(report.unchanged) == 21
    assert InstrumentChange.objects.count() == changes

    # Into an empty catalogue: the same catalogue again (the verifier's account stays behind).
    Instrument.objects.all().delete()
    report = import_json(json.loads(json.dumps(exported)), user=bob)
    assert report.ok and len(report.created) == 21
    after = state()
    mit_before = next(r for r in before if r["identifier"] == "nl-mit-haalbaarheidsproject")
    mit_after = next(r for r in after if r["identifier"] == "nl-mit-haalbaarheidsproject")
    assert mit_before.pop("verified_by") == "Bob" and mit_after.pop("verified_by") is None
    assert after == before


# --- CSV -----------------------------------------------------------------------------------------


def csv_text(rows: list[dict[str, str]], columns=CSV_COLUMNS, delimiter: str = ",") -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, delimiter=delimiter)
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def exported_csv() -> str:
    out = io.StringIO()
    export_csv(catalogue_queryset(), out)
    return out.getvalue()


def test_csv_has_one_row_per_instrument_with_flat_columns():
    load()
    rows = list(csv.DictReader(io.StringIO(exported_csv())))
    assert len(rows) == 21
    assert tuple(rows[0]) == CSV_COLUMNS
    voucher = next(r for r in rows if r["identifier"] == "overijssel-digitaliseringsvoucher-mkb")
    assert voucher["spatial"] == "NL21"
    assert voucher["next"] == "eu-edih nl-mit-haalbaarheidsproject"
    assert voucher["min_amount"] == "" and voucher["verified_at"] == ""
    assert json.loads(voucher["criteria"])[0] == {"type": "region", "codes": ["NL21"]}


def test_csv_round_trip_gives_the_same_catalogue(tmp_path, bob):
    load()
    mit = Instrument.objects.get(identifier="nl-mit-haalbaarheidsproject")
    instrument_update(
        instrument=mit,
        data={"max_amount": Decimal("20000.50"), "name_en": "=MIT feasibility (a formula in a spreadsheet)"},
        calls=[CallInput("Round 1", date(2026, 2, 1), date(2026, 3, 31))],
        user=bob,
    )
    text = exported_csv()
    assert "'=MIT" in text  # spreadsheets must not run it
    before = state()
    assert import_csv(text).unchanged.__len__() == 21

    Instrument.objects.all().delete()
    report = import_path(write(tmp_path, "catalogue.csv", text), user=bob)
    assert report.ok, report.errors
    assert state() == before
    assert Instrument.objects.get(identifier="nl-mit-haalbaarheidsproject").name_en.startswith("=MIT")


def test_a_csv_file_with_one_bad_row_imports_nothing_and_names_the_row(tmp_path):
    good = {"identifier": "good", "name_en": "Good", "name_de": "Gut", "name_nl": "Goed"}
    good |= {"description_en": "A.", "description_de": "B.", "description_nl": "C.", "level": "local"}
    good |= {"kind": "advice", "source": "Leaflet", "spatial": "NL213 DEA34", "criteria": ""}
    bad = good | {"identifier": "bad", "calls": json.dumps([{"opens": "2026-05-01", "closes": "2026-04-01"}])}
    bad |= {"rate_percent": "150", "spatial": "NL213 XX1"}
    columns = [*good, "calls", "rate_percent"]
    path = write(tmp_path, "catalogue.csv", csv_text([good, bad, good | {"identifier": "good-too"}], columns))
    report = import_path(path)
    assert not report.ok
    assert not Instrument.objects.exists()
    assert {(e.row, e.identifier, e.field) for e in report.errors} == {
        (2, "bad", "calls #1"),
        (2, "bad", "rate_percent"),
        (2, "bad", "spatial"),
    }
    assert "Unknown region code: XX1." in [e.message for e in report.errors]


def test_semicolon_csv_with_decimal_commas_is_read(tmp_path):
    row = {"identifier": "komma", "name_en": "Comma", "name_de": "Komma", "name_nl": "Komma"}
    row |= {"description_en": "A.", "description_de": "B.", "description_nl": "C.", "level": "local"}
    row |= {"kind": "grant", "source": "Flyer", "max_amount": "2500,50", "currency": "EUR"}
    report = import_path(write(tmp_path, "export.csv", csv_text([row], list(row), delimiter=";")))
    assert report.ok, report.errors
    assert Instrument.objects.get().max_amount == Decimal("2500.50")


def test_csv_with_unknown_columns_is_refused():
    report = import_csv("identifier,colour\nfirst,blue\n")
    assert [(e.row, e.message) for e in report.errors] == [(0, "Unknown columns: colour.")]


def test_a_file_that_is_not_utf8_is_refused():
    report = import_file("catalogue.csv", "identifier\nstraße\n".encode("latin-1"))
    assert [e.message for e in report.errors] == ["The file is not encoded as UTF-8."]


# --- the public exports and the commands ---------------------------------------------------------


def test_everyone_can_download_the_catalogue(client):
    load()
    response = client.get("/en/instruments/catalogue.json")
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    document = json.loads(response.content)
    assert len(document["instruments"]) == 21
    assert document["vocabulary"].startswith("CPSV-AP")
    response = client.get("/nl/instruments/catalogue.csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert response.content.decode().splitlines()[0] == ",".join(CSV_COLUMNS)


def test_export_and_import_commands_round_trip(tmp_path, bob):
    load()
    target = tmp_path / "out.json"
    call_command("export_instruments", "--output", str(target), stderr=io.StringIO())
    Instrument.objects.all().delete()
    out = io.StringIO()
    call_command("import_instruments", str(target), "--user", bob.email, stdout=out)
    assert "21 created" in out.getvalue()
    assert InstrumentChange.objects.filter(changed_by=bob).count() == 21
