import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from borderless.core.demo import DEFAULT_SEED
from borderless.demo.services import PERSONAS, demo_seed


class Command(BaseCommand):
    help = "Create or update the demo organisations and persona accounts (idempotent). See docs/demo.md."

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help=f"random seed (default {DEFAULT_SEED})")
        parser.add_argument(
            "--force", action="store_true", help="seed even with DEBUG off (the demo passwords are public)"
        )

    def handle(self, *args, seed: int, force: bool, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "DEBUG is off: this looks like a production installation, and the demo accounts have public "
                "passwords. Pass --force to seed anyway."
            )
        started = time.perf_counter()
        counts = demo_seed(seed=seed)
        elapsed = time.perf_counter() - started
        self.stdout.write(
            f"Demo data (seed {seed}) in {elapsed:.1f} s: organisations {counts.organisations_created} created, "
            f"{counts.organisations_updated} updated, {counts.organisations_unchanged} unchanged; "
            f"users {counts.users_created} created, {counts.users_updated} updated; "
            f"memberships {counts.memberships_created} created, {counts.memberships_updated} updated; "
            f"quickscans {counts.assessments_created} created, {counts.assessments_updated} updated; "
            f"advisor grants {counts.advisor_grants_created} created."
        )
        for name in counts.skipped:
            self.stdout.write(f"Skipped (seat town not in the reference data): {name}")
        self.stdout.write("Demo accounts: " + ", ".join(p.email for p in PERSONAS) + " (passwords: docs/demo.md)")
