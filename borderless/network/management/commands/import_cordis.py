"""Import the European Commission's CORDIS files (project.csv, organization.csv): all or nothing."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from borderless.network.reporting import (
    figures_queued_line,
    organisations_line,
    outcome_line,
    problem_line,
    projects_line,
)
from borderless.network.services import CordisImport, cordis_import
from borderless.network.tasks import figures_start


class Command(BaseCommand):
    help = "Import CORDIS project.csv and organization.csv; on any problem nothing is written."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("project_csv")
        parser.add_argument("organization_csv")
        parser.add_argument("--dry-run", action="store_true", help="Show what would change and write nothing.")

    def handle(self, *args, **options) -> None:
        files = {"project": Path(options["project_csv"]), "organisation": Path(options["organization_csv"])}
        try:
            data = {kind: path.read_bytes() for kind, path in files.items()}
        except OSError as error:
            raise CommandError(_("The file %(path)s cannot be read.") % {"path": error.filename}) from error
        result = cordis_import(
            projects_data=data["project"], organisations_data=data["organisation"], dry_run=options["dry_run"]
        )
        if not result.ok:
            for problem in result.problems:
                self.stderr.write(
                    problem_line(
                        file=files[problem.file].name, line=problem.line, column=problem.column, message=problem.message
                    )
                )
            self.stderr.write(_("Nothing was imported: correct the files and import them again."))
            raise SystemExit(1)
        self._summary(result)
        if result.changed:  # unchanged data: the figures stand
            job = figures_start(reason="import")
            self.stdout.write(figures_queued_line(job_id=job.pk))

    def _summary(self, result: CordisImport) -> None:
        self.stdout.write(
            projects_line(new=result.projects_new, updated=result.projects_updated, unchanged=result.projects_unchanged)
        )
        self.stdout.write(
            organisations_line(
                matched=result.organisations_matched, new=result.organisations_new, uncertain=len(result.uncertain)
            )
        )
        for match in result.uncertain:
            self.stdout.write(
                _("To review: %(name)s (PIC %(pic)s, %(city)s) may be %(candidates)s.")
                % {"name": match.name, "pic": match.pic, "city": match.city, "candidates": "; ".join(match.candidates)}
            )
        self.stdout.write(outcome_line(written=result.written))
