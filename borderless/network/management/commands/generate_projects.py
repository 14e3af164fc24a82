"""Write a synthetic population of projects in CORDIS's layout (project.csv, organization.csv) for `import_cordis`."""

from __future__ import annotations

import re
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from borderless.core.network import synthetic
from borderless.organisations.reference import DATA_DIR

PROGRAMME_AREA = DATA_DIR / "interreg_de_nl_programme_area.csv"
_PERIOD = re.compile(r"(\d{4})-(\d{4})")


def _periods(text: str) -> tuple[tuple[int, int], ...] | None:
    periods = []
    for part in text.split(","):
        match = _PERIOD.fullmatch(part.strip())
        if match is None or int(match.group(1)) > int(match.group(2)):
            return None
        periods.append((int(match.group(1)), int(match.group(2))))
    return tuple(periods)


class Command(BaseCommand):
    help = (
        "Write project.csv and organization.csv for N synthetic organisations (the same files for the same "
        "arguments), in the layout of CORDIS's open data; Dutch and German organisations lie in the programme area."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("outdir", help="the directory to write project.csv and organization.csv to")
        parser.add_argument("--organisations", type=int, default=550_000, help="organisations (550,000)")
        parser.add_argument("--seed", type=int, default=0)
        periods = ",".join(f"{first}-{last}" for first, last in synthetic.DEFAULT_PERIODS)
        parser.add_argument("--periods", default=periods, help=f"start years of the projects ({periods})")
        parser.add_argument(
            "--max-participations",
            type=int,
            default=synthetic.DEFAULT_MAX_PARTICIPATIONS,
            help=f"most projects of one organisation ({synthetic.DEFAULT_MAX_PARTICIPATIONS:,})",
        )

    def handle(self, *args, outdir: str, organisations: int, seed: int, periods: str, **options) -> None:
        if not 1 <= organisations <= 99_999_999:
            raise CommandError(_("--organisations must be between 1 and 99,999,999."))
        if options["max_participations"] < 1:
            raise CommandError(_("--max-participations must be at least 1."))
        years = _periods(periods)
        if years is None:
            raise CommandError(
                _("“%(periods)s” is not a list of periods such as 2014-2020,2021-2026.") % {"periods": periods}
            )
        folder = Path(outdir)
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise CommandError(_("The directory %(path)s cannot be created.") % {"path": folder}) from error
        nuts_codes = synthetic.read_programme_nuts(PROGRAMME_AREA.read_text(encoding="utf-8"))
        started = time.perf_counter()
        with (
            open(folder / "project.csv", "w", encoding="utf-8", newline="") as projects,
            open(folder / "organization.csv", "w", encoding="utf-8", newline="") as participations,
        ):
            summary = synthetic.write_population(
                projects,
                participations,
                organisations=organisations,
                seed=seed,
                nuts_codes=nuts_codes,
                periods=years,
                max_participations=options["max_participations"],
            )
        counts = {
            "organisations": summary.organisations,
            "projects": summary.projects,
            "participations": summary.participations,
            "ties": summary.ties,
            "large": summary.large_projects,
            "folder": folder,
            "seconds": f"{time.perf_counter() - started:.1f}",
        }
        self.stdout.write(
            _(
                "%(organisations)s organisations, %(projects)s projects (%(large)s of them with more than 50 "
                "participants), %(participations)s participations and %(ties)s pairs of partners in the smaller "
                "projects written to %(folder)s in %(seconds)s s."
            )
            % counts
        )
