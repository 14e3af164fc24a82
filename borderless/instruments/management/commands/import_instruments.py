from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from borderless.accounts.models import User
from borderless.instruments.importexport import import_file

from ._report import report_lines, summary


class Command(BaseCommand):
    help = "Import a catalogue file (JSON exchange format or CSV), all or nothing; lists every problem per row."

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)
        parser.add_argument("--user", help="e-mail address of the account the history names for this import")

    def handle(self, *args, path: Path, user: str | None, **options):
        account = None
        if user:
            account = User.objects.filter(email__iexact=user).first()
            if account is None:
                raise CommandError(f"No account with the e-mail address {user}.")
        try:
            content = path.read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error}") from error
        report = import_file(path.name, content, user=account)
        if not report.ok:
            raise CommandError("Nothing was imported:\n" + "\n".join(report_lines(report)))
        self.stdout.write(f"Imported {path.name}: {summary(report)}")
