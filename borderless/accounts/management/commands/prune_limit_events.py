from django.core.management.base import BaseCommand

from borderless.accounts.limits import limits_prune


class Command(BaseCommand):
    help = "Delete limit events that no window counts any more, and lock rows without events (run daily)."

    def handle(self, *args, **options):
        events, locks = limits_prune()
        self.stdout.write(f"Deleted {events} limit events and {locks} lock rows.")
