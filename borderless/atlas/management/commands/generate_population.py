"""Write the synthetic population of the region as a CSV file for `import_organisations_csv`."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand, CommandError

from borderless.atlas.models import Competence
from borderless.core.matching import synthetic
from borderless.organisations.models import Town


class Command(BaseCommand):
    help = (
        "Write N synthetic organisations (deterministic for a seed) in the towns of the reference data to a CSV "
        "file, with competence codes limited to the loaded taxonomy."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="the CSV file to write")
        parser.add_argument("--n", type=int, default=synthetic.DEFAULT_SIZE, help="organisations (550,000)")
        parser.add_argument("--seed", type=int, default=0)
        parser.add_argument(
            "--all-towns", action="store_true", help="use every reference town, not only the programme area's"
        )

    def handle(self, *args, file, n, seed, all_towns, **options):
        if n < 1:
            raise CommandError("--n must be at least 1")
        towns_qs = Town.objects.filter(population__gt=0)
        if not all_towns:
            towns_qs = towns_qs.filter(nuts3__in_programme_area=True)
        towns = [
            synthetic.Town(t.pk, t.name, t.country, t.latitude, t.longitude, t.population, t.nuts3_id)
            for t in towns_qs.order_by("pk")
        ]
        if not towns:
            raise CommandError("No towns: run `manage.py load_reference_data` first.")
        codes = set(Competence.objects.values_list("code", flat=True))
        if not codes:
            raise CommandError("No competences: run `manage.py load_taxonomy` first.")
        started = time.perf_counter()
        with open(file, "w", encoding="utf-8", newline="") as out:
            rows = synthetic.write_csv(synthetic.synthetic_population(towns, n, seed=seed, codes=codes), out)
        self.stdout.write(
            f"{rows:,} organisations in {len(towns)} towns written to {file} in {time.perf_counter() - started:.1f} s."
        )
