"""Import organisations with their atlas profiles from a CSV file, all or nothing (see atlas.bulk_import)."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from borderless.atlas.bulk_import import (
    DEFAULT_PREFIX,
    ImportRefused,
    imported_organisations_remove,
    organisations_import,
    organisations_import_check,
    prefix_check,
)
from borderless.atlas.import_jobs import organisations_import_start


class Command(BaseCommand):
    help = (
        "Import organisations and their atlas profiles from a CSV file (columns: see borderless.atlas.bulk_import; "
        "the synthetic population has this layout). Each organisation's town is found from its GeoNames id, "
        "postcode, NUTS code or town name; a row that names no place is imported without a town (place unknown). "
        "Every row is checked first; if any is bad, nothing is written and the problems are listed."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", help="the CSV file")
        parser.add_argument(
            "--prefix", default=DEFAULT_PREFIX, help="slug prefix that marks the imported organisations (synthetic-)"
        )
        parser.add_argument("--check", action="store_true", help="only check the file, write nothing")
        parser.add_argument(
            "--remove", action="store_true", help="delete the organisations imported with --prefix instead"
        )
        parser.add_argument(
            "--enqueue",
            action="store_true",
            help="import in the background: start a job that a worker (manage.py db_worker) runs",
        )

    def handle(self, *args, file, prefix, check, remove, enqueue, **options):
        try:
            prefix_check(prefix)
        except ValueError as error:
            raise CommandError(str(error)) from None
        if remove:
            removed = imported_organisations_remove(prefix=prefix)
            self.stdout.write(f"{removed:,} organisations with the slug prefix “{prefix}” removed.")
            return
        if not file:
            raise CommandError("Name the CSV file (or use --remove).")
        if enqueue and not check:
            try:
                job = organisations_import_start(source=file, prefix=prefix)
            except FileNotFoundError:
                raise CommandError(f"No such file: {file}") from None
            self.stdout.write(f"Import queued as job {job.pk}; a worker (manage.py db_worker) runs it.")
            return
        try:
            if check:
                report = organisations_import_check(path=file, prefix=prefix)
                if not report.ok:
                    raise ImportRefused(report)
                self.stdout.write(f"{report.rows:,} rows, no problems.")
                if report.unplaced:
                    self.stdout.write(
                        f"{report.unplaced:,} of them name no place: they would be imported without a town."
                    )
                return
            result = organisations_import(path=file, prefix=prefix)
        except FileNotFoundError:
            raise CommandError(f"No such file: {file}") from None
        except ImportRefused as refused:
            for error in refused.check.errors:
                self.stderr.write(f"{file}:{error}")
            shown = len(refused.check.errors)
            more = refused.check.error_count - shown
            if more:
                self.stderr.write(f"… and {more:,} more.")
            raise CommandError(
                f"{refused.check.error_count:,} problem(s) in {refused.check.rows:,} rows; nothing was imported."
            ) from None
        self.stdout.write(
            f"{result.organisations:,} organisations, {result.offers:,} offers and {result.needs:,} needs imported "
            f"in {result.seconds:.1f} s ({result.method})."
        )
        if result.unplaced:
            self.stdout.write(
                f"{result.unplaced:,} of them name no place: listed with “place unknown”, not on the map."
            )
        if options["verbosity"] > 1:
            self.stdout.write("  " + ", ".join(f"{step} {seconds:.1f} s" for step, seconds in result.steps.items()))
