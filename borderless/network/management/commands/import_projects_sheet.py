"""Import a projects sheet (CSV or Excel workbook; see borderless.core.project_sheet): all or nothing."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from borderless.core.project_sheet import BAD_PROGRAMME, Layout, programme_for
from borderless.i18n.translation import translate
from borderless.network.reporting import (
    figures_queued_line,
    organisations_line,
    outcome_line,
    problem_line,
    projects_line,
)
from borderless.network.sheet_import import (
    SOURCE_NAME_MAX,
    SheetImport,
    projects_sheet_import,
    sheet_source,
    sheet_source_of_file,
)
from borderless.network.tasks import figures_start


class Command(BaseCommand):
    help = (
        "Import a projects sheet (CSV or XLSX; one row per participation, or one row per project with its "
        "partners in a cell); on any problem nothing is written."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file")
        parser.add_argument(
            "--programme",
            help="The programme of the projects whose row names none (interreg_vi, open_formula, “Interreg V-A” …).",
        )
        parser.add_argument(
            "--source",
            help="The list's name (sheet:NAME); a later version imported under the same name updates its projects. "
            "Default: from the file name.",
        )
        parser.add_argument("--dry-run", action="store_true", help="Show what would change and write nothing.")

    def handle(self, *args, **options) -> None:
        path = Path(options["file"])
        programme = None
        if options["programme"]:
            programme = programme_for(options["programme"])
            if programme is None:
                raise CommandError(translate(BAD_PROGRAMME.bind(value=options["programme"])))
        source = sheet_source(options["source"]) if options["source"] else sheet_source_of_file(path.name)
        if source is None:
            raise CommandError(
                _(
                    "The source name must be lower-case letters, digits, hyphens or underscores, "
                    "at most %(max)s characters."
                )
                % {"max": SOURCE_NAME_MAX}
            )
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(_("The file %(path)s cannot be read.") % {"path": path}) from error
        result = projects_sheet_import(data=data, source=source, programme=programme, dry_run=options["dry_run"])
        if not result.ok:
            for problem in result.problems:
                self.stderr.write(
                    problem_line(file=path.name, line=problem.line, column=problem.column, message=problem.message)
                )
            self.stderr.write(_("Nothing was imported: correct the file and import it again."))
            raise SystemExit(1)
        self._summary(result)
        if result.changed:  # unchanged data: the figures stand
            job = figures_start(reason="import")
            self.stdout.write(figures_queued_line(job_id=job.pk))

    def _summary(self, result: SheetImport) -> None:
        if result.layout is Layout.PROJECTS:
            self.stdout.write(_("Layout: one row per project, its partners in a cell."))
        else:
            self.stdout.write(_("Layout: one row per participation."))
        if result.ignored_columns:
            self.stdout.write(_("Columns not read: %(columns)s.") % {"columns": ", ".join(result.ignored_columns)})
        self.stdout.write(
            projects_line(new=result.projects_new, updated=result.projects_updated, unchanged=result.projects_unchanged)
        )
        self.stdout.write(_("Participations: %(count)s.") % {"count": result.participations})
        self.stdout.write(
            organisations_line(
                matched=result.organisations_matched, new=result.organisations_new, uncertain=len(result.uncertain)
            )
        )
        for match in result.uncertain:
            self.stdout.write(
                _("To review: %(name)s (line %(line)s, %(town)s) may be %(candidates)s.")
                % {
                    "name": match.name,
                    "line": match.line,
                    "town": match.town or "–",
                    "candidates": "; ".join(match.candidates),
                }
            )
        for place in result.unplaced:
            values = {"name": place.name, "line": place.line, "country": place.country, "given": place.given or "–"}
            if place.country:
                line = _("Place unknown: %(name)s (line %(line)s, %(given)s) is kept with its country %(country)s.")
            else:
                line = _("Place and country unknown: %(name)s (line %(line)s, %(given)s) is kept without them.")
            self.stdout.write(line % values)
        self.stdout.write(
            _("Source: %(source)s. Import later versions of this list with --source %(name)s to update its projects.")
            % {"source": result.source, "name": result.source.removeprefix("sheet:")}
        )
        self.stdout.write(outcome_line(written=result.written))
