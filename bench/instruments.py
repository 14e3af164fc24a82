"""Instrument finder benchmark: matching one organisation against a catalogue of 10,000 instruments.

    .venv/bin/python bench/instruments.py                       # a temporary SQLite database
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/borderless_bench_instruments .venv/bin/python bench/instruments.py
    .venv/bin/python bench/instruments.py --instruments 2000 --rounds 3     # a quicker run

What it measures (see bench/README.md), both in the same run, against the same stored catalogue:

(a) core: the finder's way. The catalogue is read from the database and compiled into a core
    `Catalogue` once (its build time is reported separately); each match is one call of
    `Catalogue.match(firm, context)`: every distinct criterion evaluated once, verdicts, ranking.
(b) baseline: the same filtering done the obvious way, with one ORM query per instrument: read the
    instruments, then for each one query its criteria, prepare and evaluate each criterion with the
    same criterion types, take the verdict, and rank the list the same way.

Both give the same ranked list of verdicts (checked). Reported: the median time per match of each,
and their ratio (baseline / core). Results go to bench/results/instruments-<date>.json.

The database is a temporary SQLite file unless DATABASE_URL is set; a given database must have
"bench" in its name, because the script deletes the instruments it finds there.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

RESULTS = ROOT / "bench" / "results"
TARGET_SLUG = "bench-instruments-target-firm"
IDENTIFIER_PREFIX = "bench-"
KINDS = ("company", "knowledge", "intermediary", "authority", "fieldlab", "hub")
SIZES = ("micro", "small", "medium", "large")
GROUPS = ("frontrunner", "fast_follower", "late_follower")
EUREGIOS = ("euregio", "euregio-rhein-waal", "euregio-rhein-maas-nord", "ems-dollart-region")
LEVELS = ("eu", "national", "land_province", "euregio", "interreg", "local")
INSTRUMENT_KINDS = (
    "grant",
    "voucher",
    "loan_guarantee",
    "advice",
    "training",
    "field_lab",
    "network_hub",
    "feasibility_study",
    "rd_project",
    "investment_fund",
)
STATUSES = ("open", "forthcoming", "closed", "budget_exhausted", "")


def summary(seconds: list[float]) -> dict[str, float]:
    ordered = sorted(seconds)
    return {
        "n": len(ordered),
        "median_ms": statistics.median(ordered) * 1000,
        "min_ms": ordered[0] * 1000,
        "max_ms": ordered[-1] * 1000,
    }


# --- set-up ----------------------------------------------------------------------------------------


def database_prepare(url: str | None) -> tuple[str, str | None]:
    """The database URL to use, and a temporary file to remove afterwards (SQLite default)."""
    if url:
        name = urlsplit(url).path.lstrip("/")
        if "bench" not in name:
            raise SystemExit(f"refusing to use the database {name!r}: its name must contain 'bench'")
        if url.startswith("postgres"):
            _postgres_ensure(url)
        return url, None
    handle, path = tempfile.mkstemp(prefix="borderless-bench-instruments-", suffix=".sqlite3")
    os.close(handle)
    return f"sqlite:///{path}", path


def _postgres_ensure(url: str) -> None:
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    maintenance = parts._replace(scheme=parts.scheme.replace("postgres", "postgresql", 1), path="/postgres").geturl()
    with psycopg.connect(maintenance, autocommit=True) as connection:
        if not connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone():
            connection.execute(f'CREATE DATABASE "{name}"')


def django_setup(url: str) -> None:
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DEBUG", "1")  # the development settings; the query log is switched off below
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "borderless.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    settings.DEBUG = False  # no query log: as in production


def synthetic_criteria(rng: random.Random, number: int, regions: list[str], sectors: list[str]) -> list[dict]:
    """Criteria of one instrument, in the mix a regional catalogue has (see bench/README.md)."""
    criteria: list[dict] = []
    place = rng.random()
    if place < 0.30:
        criteria.append({"type": "country", "countries": rng.choice([["NL"], ["DE"], ["NL", "DE"]])})
    elif place < 0.65:
        criteria.append({"type": "region", "codes": rng.sample(regions, rng.randint(1, 3))})
    elif place < 0.80:
        criteria.append({"type": "programme_area"})
    elif place < 0.90:
        criteria.append({"type": "euregio", "euregios": rng.sample(EUREGIOS, rng.randint(1, 2))})
    if rng.random() < 0.8:
        criteria.append({"type": "organisation_kind", "kinds": ["company", *rng.sample(KINDS[1:], rng.randint(0, 3))]})
    if rng.random() < 0.5:
        criteria.append(
            {"type": "size_class", "classes": rng.choice([["micro", "small", "medium"], ["micro", "small"]])}
        )
    if rng.random() < 0.2:
        criteria.append({"type": "sector", "divisions": rng.sample(sectors, rng.randint(1, 4))})
    if rng.random() < 0.25:
        criteria.append({"type": "follower_group", "groups": rng.sample(GROUPS, rng.randint(1, 2))})
    if rng.random() < 0.2:
        low = rng.randint(0, 4)
        criteria.append({"type": "acatech_stage", "min": low, "max": rng.randint(low, 6)})
    if rng.random() < 0.1:
        low = rng.randint(1, 6)
        criteria.append({"type": "technology_readiness", "min": low, "max": rng.randint(low, 9)})
    if rng.random() < 0.1:
        criteria.append({"type": "cross_border_partner"})
    if rng.random() < 0.1:
        criteria.append({"type": "max_firm_age", "years": rng.choice([3, 5, 7, 10])})
    if rng.random() < 0.6:
        # Free text is written per instrument, so it is never shared: the worst case for the core.
        text = f"Condition {number}: ask the provider."
        criteria.append({"type": "free_text", "text": {"en": text, "de": text, "nl": text}})
    return criteria


def catalogue_create(*, count: int, seed: int, today: date) -> dict[str, int]:
    from django.db import transaction

    from borderless.instruments.models import Call, Criterion, Instrument
    from borderless.organisations.models import NaceDivision, NutsRegion

    rng = random.Random(seed)
    programme = list(NutsRegion.objects.filter(level=3, in_programme_area=True).values_list("code", flat=True))
    level2 = sorted({code[:4] for code in programme})
    regions = programme + level2 + ["NL", "DE", "DEA", "NL2"]
    sectors = list(NaceDivision.objects.values_list("code", flat=True))
    with transaction.atomic():
        Instrument.objects.filter(identifier__startswith=IDENTIFIER_PREFIX).delete()
        instruments = [
            Instrument(
                identifier=f"{IDENTIFIER_PREFIX}{number:05d}",
                name_en=f"Instrument {number:05d}",
                name_de=f"Instrument {number:05d} (de)",
                name_nl=f"Instrument {number:05d} (nl)",
                description_en="Synthetic.",
                description_de="Synthetisch.",
                description_nl="Synthetisch.",
                level=rng.choice(LEVELS),
                kind=rng.choice(INSTRUMENT_KINDS),
                status=rng.choice(STATUSES),
                spatial=rng.sample(regions, 2),
                languages=rng.sample(["de", "nl", "en"], rng.randint(1, 2)),
                source="bench/instruments.py (synthetic)",
            )
            for number in range(count)
        ]
        Instrument.objects.bulk_create(instruments, batch_size=2000)
        pks = dict(Instrument.objects.filter(identifier__startswith=IDENTIFIER_PREFIX).values_list("identifier", "pk"))
        criteria, calls = [], []
        for number in range(count):
            pk = pks[f"{IDENTIFIER_PREFIX}{number:05d}"]
            for position, item in enumerate(synthetic_criteria(rng, number, regions, sectors)):
                params = {k: v for k, v in item.items() if k != "type"}
                criteria.append(Criterion(instrument_id=pk, position=position, type=item["type"], params=params))
            if rng.random() < 0.4:
                closes = today + timedelta(days=rng.randint(-200, 200))
                calls.append(Call(instrument_id=pk, opens_on=closes - timedelta(days=60), closes_on=closes))
        Criterion.objects.bulk_create(criteria, batch_size=5000)
        Call.objects.bulk_create(calls, batch_size=5000)
    return {"instruments": count, "criteria": len(criteria), "calls": len(calls)}


def target_organisation():
    """A small machine builder in Enschede with a completed quickscan (stage 2, Fast Follower)."""
    from django.utils import timezone

    from borderless.organisations.models import Organisation, Town
    from borderless.quickscan.models import Assessment

    organisation = Organisation.objects.filter(slug=TARGET_SLUG).first()
    if organisation is None:
        enschede = Town.objects.filter(name="Enschede", country="NL").order_by("-population").first()
        organisation = Organisation.objects.create(
            name="Bench target firm B.V.",
            slug=TARGET_SLUG,
            kind="company",
            town=enschede,
            size_class="small",
            sector_id="28",
            founded_year=2019,
            working_languages="nl,en",
        )
        Assessment.objects.create(
            organisation=organisation,
            status=Assessment.Status.COMPLETED,
            completed_at=timezone.now(),
            is_latest=True,
            stage=2,
            follower_group="fast_follower",
        )
    return Organisation.objects.with_geography().get(slug=TARGET_SLUG)


# --- the two ways of matching ------------------------------------------------------------------------


def match_with_orm_queries(firm, context, lang: str):
    """The baseline: one query for the instruments, then one query per instrument for its criteria."""
    from django.db.models import Min

    from borderless.core.i18n import Content
    from borderless.core.instruments import REGISTRY, Criterion, Instrument, Match, rank, verdict_of
    from borderless.instruments import models

    deadlines = dict(
        models.Call.objects.filter(closes_on__gte=context.today)
        .values("instrument_id")
        .annotate(first=Min("closes_on"))
        .values_list("instrument_id", "first")
    )
    matches = []
    for row in models.Instrument.objects.only("pk", "identifier", "name_en", "name_de", "name_nl", "status"):
        criteria = list(models.Criterion.objects.filter(instrument_id=row.pk).order_by("position", "pk"))
        outcomes = []
        for criterion in criteria:
            ctype = REGISTRY.get(criterion.type)
            prepared = ctype.prepare(criterion.params, context.reference)
            outcomes.append(ctype.evaluate(prepared, firm, context))
        instrument = Instrument(
            id=row.identifier,
            name=Content(row.name_en, row.name_de, row.name_nl),
            status=row.status,
            next_deadline=deadlines.get(row.pk),
            criteria=tuple(Criterion(c.type, c.params) for c in criteria),
        )
        matches.append(Match(instrument, verdict_of(outcomes), tuple(outcomes)))
    return rank(matches, context.today, lang)


def bench(args: argparse.Namespace) -> dict:
    from django.db import connection
    from django.utils import timezone

    from borderless.instruments.matching import firm_for_organisation, snapshot_build
    from borderless.organisations.models import Town
    from borderless.organisations.reference import reference_data_load

    today = timezone.localdate()
    if not Town.objects.exists():
        print("  loading the reference data …", file=sys.stderr)
        reference_data_load()
    print(f"  writing {args.instruments:,} synthetic instruments …", file=sys.stderr)
    started = time.perf_counter()
    stored = catalogue_create(count=args.instruments, seed=args.seed, today=today)
    setup_seconds = time.perf_counter() - started
    organisation = target_organisation()
    firm = firm_for_organisation(organisation)

    started = time.perf_counter()
    current = snapshot_build(key=("bench",), today=today)
    build_seconds = time.perf_counter() - started
    context = current.context()

    # Same answer both ways, before anything is timed.
    core_result = current.catalogue.match(firm, context, lang=args.lang)
    orm_result = match_with_orm_queries(firm, context, args.lang)
    same = [(m.id, m.verdict) for m in core_result] == [(m.id, m.verdict) for m in orm_result]
    if not same:
        raise SystemExit("the two ways of matching disagree; nothing to compare")

    core, orm = [], []
    for number in range(args.rounds):
        print(f"  round {number + 1} of {args.rounds}", file=sys.stderr)
        started = time.perf_counter()
        match_with_orm_queries(firm, context, args.lang)
        orm.append(time.perf_counter() - started)
        for _ in range(args.core_per_round):
            started = time.perf_counter()
            current.catalogue.match(firm, context, lang=args.lang)
            core.append(time.perf_counter() - started)

    verdicts: dict[str, int] = {}
    for match in core_result:
        verdicts[match.verdict.value] = verdicts.get(match.verdict.value, 0) + 1
    core_summary, orm_summary = summary(core), summary(orm)
    return {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {
            "python": platform.python_version(),
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
            "load_average": os.getloadavg() if hasattr(os, "getloadavg") else None,
        },
        "database": {"vendor": connection.vendor, "name": str(connection.settings_dict["NAME"])},
        "catalogue": {
            **stored,
            "distinct_criteria": current.catalogue.distinct_criteria,
            "in_catalogue": len(current.catalogue),
        },
        "firm": {"organisation": TARGET_SLUG, "nuts3": firm.nuts3, "stage": firm.stage, "group": firm.follower_group},
        "verdicts": verdicts,
        "setup_seconds": round(setup_seconds, 2),
        "catalogue_build_seconds": round(build_seconds, 3),
        "core_match": core_summary,
        "orm_query_per_instrument": orm_summary,
        "ratio_median": orm_summary["median_ms"] / core_summary["median_ms"],
        "same_result": same,
        "settings": {
            "rounds": args.rounds,
            "core_per_round": args.core_per_round,
            "lang": args.lang,
            "seed": args.seed,
        },
    }


def table(report: dict) -> str:
    core, orm = report["core_match"], report["orm_query_per_instrument"]
    rows = [
        ("what", "n", "median ms", "min ms", "max ms"),
        ("core Catalogue.match (built once)", *_cells(core)),
        ("one ORM query per instrument", *_cells(orm)),
    ]
    widths = [max(len(str(row[i])) for row in rows) for i in range(len(rows[0]))]
    lines = [
        "  ".join(
            str(c).ljust(w) if i == 0 else str(c).rjust(w) for i, (c, w) in enumerate(zip(row, widths, strict=True))
        )
        for row in rows
    ]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def _cells(figures: dict) -> tuple[str, ...]:
    return (f"{figures['n']:,}", f"{figures['median_ms']:.2f}", f"{figures['min_ms']:.2f}", f"{figures['max_ms']:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--instruments", type=int, default=10_000, help="synthetic instruments stored (10,000)")
    parser.add_argument("--rounds", type=int, default=5, help="baseline runs, each followed by core runs (5)")
    parser.add_argument("--core-per-round", type=int, default=20, help="core matches timed per round (20)")
    parser.add_argument("--lang", default="nl", choices=["de", "nl", "en"], help="language of the ranking by name")
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()

    url, temporary = database_prepare(os.environ.get("DATABASE_URL"))
    try:
        django_setup(url)
        report = bench(args)
    finally:
        if temporary:
            Path(temporary).unlink(missing_ok=True)
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / f"instruments-{datetime.now(UTC):%Y-%m-%d}.json"
    out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    catalogue = report["catalogue"]
    print(table(report))
    print(
        f"\n{catalogue['instruments']:,} instruments, {catalogue['criteria']:,} criteria "
        f"({catalogue['distinct_criteria']:,} distinct), {report['database']['vendor']}; "
        f"catalogue built once in {report['catalogue_build_seconds'] * 1000:.0f} ms; "
        f"verdicts {report['verdicts']}; both ways give the same ranking"
    )
    print(f"ratio of the medians (one ORM query per instrument / core): {report['ratio_median']:.1f}")
    print(f"written to {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
