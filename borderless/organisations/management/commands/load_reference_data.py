from django.core.management.base import BaseCommand

from borderless.organisations.reference import reference_data_load


class Command(BaseCommand):
    help = "Load NUTS 2021 regions, the programme area, Euregios, NACE divisions and towns (idempotent)."

    def handle(self, *args, **options):
        counts = reference_data_load()
        self.stdout.write(
            f"Reference data: {counts.regions} NUTS regions ({counts.programme_regions} in the programme area), "
            f"{counts.euregios} Euregios, {counts.nace_divisions} NACE divisions, {counts.towns} towns."
        )
