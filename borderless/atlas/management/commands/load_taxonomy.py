from django.core.management.base import BaseCommand

from borderless.atlas.taxonomy import taxonomy_load
from borderless.organisations.models import NaceDivision
from borderless.organisations.reference import reference_data_load


class Command(BaseCommand):
    help = "Load the competence taxonomy (borderless/atlas/data/taxonomy.json); idempotent, keeps staff entries."

    def handle(self, *args, **options):
        if not NaceDivision.objects.exists():
            reference_data_load()
        result = taxonomy_load()
        self.stdout.write(
            f"Taxonomy {result.version}: {result.created} created, {result.updated} updated, "
            f"{result.unchanged} unchanged, {result.kept} other entries kept."
        )
