import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from borderless.instruments.importexport import curated_identifiers, import_json

from ._report import report_lines, summary

SEED = Path(__file__).resolve().parents[2] / "data" / "catalogue.json"


class Command(BaseCommand):
    help = (
        "Load the seed catalogue of support instruments (data/catalogue.json). Idempotent: a second run changes "
        "nothing. Entries a person has changed since are kept unless --overwrite is given."
    )

    def add_arguments(self, parser):
        parser.add_argument("--file", type=Path, default=SEED, help="a catalogue in the exchange format (JSON)")
        parser.add_argument(
            "--overwrite", action="store_true", help="also update entries that a person has edited or verified"
        )

    def handle(self, *args, file: Path, overwrite: bool, **options):
        try:
            data = json.loads(file.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise CommandError(f"Cannot read {file}: {error}") from error
        report = import_json(data, user=None, skip=() if overwrite else curated_identifiers())
        if not report.ok:
            raise CommandError("Nothing was loaded:\n" + "\n".join(report_lines(report)))
        self.stdout.write(f"Instrument catalogue from {file.name}: {summary(report)}")
        if report.notes and options["verbosity"] > 1:
            for note in report.notes:
                self.stdout.write(f"  row {note.row} ({note.identifier}), {note.field}: {note.message}")
