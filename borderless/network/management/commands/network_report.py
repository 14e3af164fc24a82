"""Print one period's collaboration-network report."""

import json

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from borderless.network.selectors import parse_period, period_report


class Command(BaseCommand):
    help = "Print the network report of a period (for example 2014-2020 or 2019)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--period", required=True)
        parser.add_argument("--json", action="store_true", help="Print the report as JSON.")

    def handle(self, *args, **options) -> None:
        period = parse_period(options["period"])
        if period is None:
            raise CommandError(
                _("“%(period)s” is not a period such as 2014-2020 or 2019.") % {"period": options["period"]}
            )
        report = period_report(period=period)
        if options["json"]:
            self.stdout.write(json.dumps(report, ensure_ascii=False, indent=2))
            return
        summary = _(
            "%(period)s: %(projects)s projects, %(organisations)s organisations, %(ties)s ties (%(nl_de_ties)s NL–DE)."
        )
        self.stdout.write(summary % report)
