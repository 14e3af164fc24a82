"""Send the e-mail digests of saved instrument searches; run it once a day (cron, systemd timer).

By default it queues a background job that a worker (`manage.py db_worker`) runs; `--sync` sends the
digests in this process instead, for a cron job on a machine without a worker.
"""

from __future__ import annotations

import os

from django.core.management.base import BaseCommand

from borderless.instruments.digest import digests_send
from borderless.instruments.digest_jobs import digests_start

DEFAULT_BASE_URL = "http://127.0.0.1:8000"


class Command(BaseCommand):
    help = "E-mail each saved instrument search with alerts its new or changed instruments and near deadlines."

    def add_arguments(self, parser):
        parser.add_argument(
            "--base-url",
            default=os.environ.get("BORDERLESS_BASE_URL", DEFAULT_BASE_URL),
            help="Address of the site for the links in the e-mails (default: $BORDERLESS_BASE_URL or %(default)s).",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Count what would be sent; send nothing (always in this process)."
        )
        parser.add_argument(
            "--sync", action="store_true", help="Send in this process and wait, instead of queuing a job for a worker."
        )

    def handle(self, *args, base_url: str, dry_run: bool, sync: bool, **options):
        if not (sync or dry_run):
            job = digests_start(base_url=base_url)
            self.stdout.write(f"Digests queued as job {job.pk}; a worker (manage.py db_worker) sends them.")
            return
        report = digests_send(base_url=base_url, dry_run=dry_run)
        verb = "would be sent" if dry_run else "sent"
        self.stdout.write(
            f"{report.searches} saved searches with alerts: {report.sent} digests {verb}, "
            f"{report.nothing_new} without news, {len(report.skipped)} skipped"
            + (f" ({', '.join(report.skipped)})" if report.skipped else "")
            + "."
        )
