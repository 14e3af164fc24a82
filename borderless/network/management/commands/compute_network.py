"""Compute the collaboration network's figures for every period; run it nightly (cron, systemd timer).

By default it queues a job that a worker (`manage.py db_worker`) runs; `--sync` computes in this
process, for a cron job on a machine without a worker.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from borderless.network.figures import figures_compute
from borderless.network.tasks import figures_start


class Command(BaseCommand):
    help = "Compute the collaboration network's figures of every period (the monitor's stored results)."

    def add_arguments(self, parser):
        parser.add_argument("--sync", action="store_true", help="Compute in this process instead of queuing a job.")
        parser.add_argument("--reason", default="nightly", choices=["nightly", "import", "manual"])

    def handle(self, *args, sync: bool, reason: str, **options):
        if not sync:
            job = figures_start(reason=reason)
            self.stdout.write(_("Queued as job %(job)s; a worker computes the figures.") % {"job": job.pk})
            return
        run = figures_compute(reason=reason)
        self.stdout.write(
            _("Figures computed for %(periods)s periods from %(projects)s projects.")
            % {"periods": run.periods.count(), "projects": run.projects}
        )
