import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand

from borderless.instruments.importexport import catalogue_queryset, export_csv, export_json


class Command(BaseCommand):
    help = "Export the whole catalogue in the exchange format (JSON, CPSV-AP field names) or as CSV."

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["json", "csv"], default="json")
        parser.add_argument("--output", type=Path, help="file to write (default: standard output)")

    def handle(self, *args, format: str, output: Path | None, **options):
        out = output.open("w", encoding="utf-8", newline="") if output else sys.stdout
        try:
            if format == "json":
                json.dump(export_json(catalogue_queryset()), out, ensure_ascii=False, indent=1)
                out.write("\n")
            else:
                export_csv(catalogue_queryset(), out)
        finally:
            if output:
                out.close()
        if output:
            self.stderr.write(f"Wrote {output}")
