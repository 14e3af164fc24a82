"""Quickscan benchmark: scoring time per assessment, and the result page with 100,000 stored assessments.

    make bench                              # or: .venv/bin/python bench/quickscan.py
    .venv/bin/python bench/quickscan.py --assessments 20000 --requests 50   # a quicker run

What it measures (see bench/README.md):

(a) scoring: `score()` of the pure core on synthetic answer sets (median and 95th percentile per
    assessment); baseline: scoring the "nothing yet" answer set (every question "none of these").
(b) result page: the server time of GET /en/quickscan/results/<id>/ through Django's test client
    (middleware, session, view, peer comparison, template), and `selectors.peer_comparison` alone,
    with N completed assessments in PostgreSQL; baseline: the same firm, page and query in a second
    database that holds no other firm (empty peer population).

Every figure is reported absolute and as a ratio to its baseline measured in the same run, because
absolute times depend on the machine. Results go to bench/results/quickscan-<date>.json.

The databases (default postgres://postgres@127.0.0.1:5432/borderless_bench, and the same name with
"_baseline") are created and migrated when missing. The population is kept between runs and only
rebuilt when its size differs or with --fresh. The script refuses a database whose name does not
contain "bench", because it deletes the assessments and organisations it finds there.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import random
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/borderless_bench"
RESULTS = ROOT / "bench" / "results"
TARGET_SLUG = "bench-target-firm"
BENCH_SLUG_PREFIX = "bench-"
BENCH_EMAIL = "bench@borderless.example"
SIZE_WEIGHTS = (("micro", 43), ("small", 36), ("medium", 17), ("large", 4))  # as the demo population
POOL_PER_SIZE = 1000  # distinct synthetic answer sets per size class, reused across the population
REPEAT_SHARE = 0.3  # share of the assessments that are a firm's earlier (not latest) assessment


# --- statistics --------------------------------------------------------------------------------


def summary(seconds: list[float]) -> dict[str, float]:
    """Median and 95th percentile (nearest rank) in milliseconds."""
    ordered = sorted(seconds)
    p95 = ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]
    return {"n": len(ordered), "median_ms": statistics.median(ordered) * 1000, "p95_ms": p95 * 1000}


def ratio(measured: dict[str, float], baseline: dict[str, float]) -> dict[str, float]:
    return {
        "median": measured["median_ms"] / baseline["median_ms"],
        "p95": measured["p95_ms"] / baseline["p95_ms"],
    }


# --- (a) scoring, pure core --------------------------------------------------------------------


def nothing_yet_answers() -> dict[str, object]:
    """Complete answers of a firm that has done nothing yet: "none of these" everywhere."""
    from borderless.core.quickscan.synthetic import SyntheticFirm, synthetic_answers

    return synthetic_answers(SyntheticFirm("small", "28", "NL", "NL213", 0.0, seed=0))


def bench_scoring(n: int, seed: int) -> dict[str, object]:
    from borderless.core.quickscan.scoring import score
    from borderless.core.quickscan.synthetic import synthetic_answers, synthetic_firm

    rng = random.Random(seed)
    sizes, weights = zip(*SIZE_WEIGHTS, strict=True)
    answer_sets = [
        synthetic_answers(
            synthetic_firm(
                size_class=rng.choices(sizes, weights=weights)[0],
                sector=rng.choice(("22", "25", "28", "46", "62")),
                country=rng.choice(("NL", "DE")),
                region="NL213",
                seed=rng.randrange(2**32),
            )
        )
        for _ in range(n)
    ]
    empty = nothing_yet_answers()
    for answers in answer_sets[:50]:  # warm up
        score(answers)
    measured, baseline = [], []
    for answers in answer_sets:
        started = time.perf_counter()
        score(answers)
        measured.append(time.perf_counter() - started)
        started = time.perf_counter()
        score(empty)
        baseline.append(time.perf_counter() - started)
    result = {"synthetic": summary(measured), "baseline_nothing_yet": summary(baseline)}
    result["ratio"] = ratio(result["synthetic"], result["baseline_nothing_yet"])
    return result


# --- (b) the result page, in a child process per database ----------------------------------------


def database_ensure(url: str) -> None:
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    if "bench" not in name:
        raise SystemExit(f"refusing to use the database {name!r}: its name must contain 'bench'")
    maintenance = urlunsplit((parts.scheme.replace("postgres", "postgresql", 1), parts.netloc, "/postgres", "", ""))
    with psycopg.connect(maintenance, autocommit=True) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{name}"')


def baseline_url(url: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=parts.path + "_baseline"))


def page_phase(url: str, assessments: int, requests: int, fresh: bool, seed: int) -> dict[str, object]:
    """Runs in a child process whose DATABASE_URL is `url`: populate, then measure."""
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "borderless.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from borderless.accounts.models import User
    from borderless.quickscan import selectors
    from borderless.quickscan.models import Assessment

    call_command("migrate", verbosity=0, interactive=False)
    started = time.perf_counter()
    built = population_ensure(assessments=assessments, fresh=fresh, seed=seed)
    setup_seconds = time.perf_counter() - started
    target = Assessment.objects.get(organisation__slug=TARGET_SLUG, is_latest=True)
    url_path = f"/en/quickscan/results/{target.public_id}/"

    settings.DEBUG = False  # no query log, no template debugging: as in production
    client = Client()
    client.force_login(User.objects.get(email=BENCH_EMAIL))
    first = client.get(url_path)
    if first.status_code != 200:
        raise SystemExit(f"GET {url_path} answered {first.status_code}")
    for _ in range(10):  # warm up: caches, persistent connection, template loading
        client.get(url_path)
        selectors.peer_comparison(assessment=target)

    page, peers = [], []
    for _ in range(requests):
        started = time.perf_counter()
        response = client.get(url_path)
        page.append(time.perf_counter() - started)
        assert response.status_code == 200
        started = time.perf_counter()
        comparison = selectors.peer_comparison(assessment=target)
        peers.append(time.perf_counter() - started)
    with CaptureQueriesContext(connection) as queries:
        client.get(url_path)
    with connection.cursor() as cursor:
        cursor.execute("SELECT version()")
        server = cursor.fetchone()[0]
    return {
        "database": urlsplit(url).path.lstrip("/"),
        "postgresql": server,
        "assessments": Assessment.objects.completed().count(),
        "latest_assessments": Assessment.objects.filter(is_latest=True).count(),
        "population_built": built,
        "setup_seconds": round(setup_seconds, 1),
        "peer_group": comparison.group.level.value if comparison.group else None,
        "peer_group_n": comparison.group.n if comparison.group else 0,
        "page_bytes": len(first.content),
        "page_queries": len(queries.captured_queries),
        "page_seconds": page,
        "peer_comparison_seconds": peers,
    }


def population_ensure(*, assessments: int, fresh: bool, seed: int) -> bool:
    """The target firm with two assessments plus `assessments` - 2 others; False if already there."""
    from django.db import connection, transaction

    from borderless.organisations.models import Organisation, Town
    from borderless.organisations.reference import reference_data_load
    from borderless.quickscan.models import Assessment

    if not Town.objects.exists():
        reference_data_load()
    wanted = max(assessments, 2)
    have = Assessment.objects.completed().count()
    if not fresh and have == wanted and Organisation.objects.filter(slug=TARGET_SLUG).exists():
        return False
    print(f"  building {wanted:,} assessments in {connection.settings_dict['NAME']} …", file=sys.stderr)
    with transaction.atomic():
        Assessment.objects.all().delete()
        Organisation.objects.filter(slug__startswith=BENCH_SLUG_PREFIX).delete()
        _population_insert(wanted=wanted, seed=seed)
    with connection.cursor() as cursor:
        cursor.execute(f"VACUUM ANALYZE {Assessment._meta.db_table}")
        cursor.execute(f"VACUUM ANALYZE {Organisation._meta.db_table}")
    return True


def _population_insert(*, wanted: int, seed: int) -> None:
    from django.db import connection

    from borderless.accounts.models import Role, User
    from borderless.core.demo import SECTORS
    from borderless.core.quickscan.scoring import score
    from borderless.core.quickscan.synthetic import progress, synthetic_answers, synthetic_firm
    from borderless.organisations.models import Membership, NaceDivision, Organisation, OrganisationKind, Town
    from borderless.quickscan.models import Assessment
    from borderless.quickscan.serialise import result_to_dict

    rng = random.Random(seed)
    towns = list(Town.objects.filter(nuts3__in_programme_area=True).values_list("geonameid", "country", "nuts3_id"))
    known_sectors = set(NaceDivision.objects.values_list("code", flat=True))
    sectors = [code for code in SECTORS if code in known_sectors]
    sector_weights = [SECTORS[code][0] for code in sectors]
    sizes, size_weights = zip(*SIZE_WEIGHTS, strict=True)

    # A pool of scored answer sets per size class (bigger firms are more mature); each firm draws one
    # and gets its own company data. Scoring every row separately would only make the set-up slower.
    pool: dict[str, list[tuple[dict, dict]]] = {}
    for size_class in sizes:
        entries = []
        for _ in range(POOL_PER_SIZE):
            firm = synthetic_firm(
                size_class=size_class, sector="28", country="NL", region="NL213", seed=rng.getrandbits(32)
            )
            for later in (False, True):
                answers = synthetic_answers(progress(firm, months=8) if later else firm)
                entries.append((answers, result_to_dict(score(answers))))
        pool[size_class] = entries

    # Organisations: the target firm (a small machine builder in Enschede) and the others.
    enschede = Town.objects.filter(name="Enschede", country="NL").order_by("-population").first()
    firms = wanted - 1 - round((wanted - 2) * REPEAT_SHARE)
    organisations = [
        Organisation(
            name="Bench target firm B.V.",
            slug=TARGET_SLUG,
            kind=OrganisationKind.COMPANY,
            town_id=enschede.geonameid,
            size_class="small",
            sector_id="28",
            working_languages="nl,en",
        )
    ]
    for i in range(firms - 1):
        geonameid, _country, _nuts3 = rng.choice(towns)
        organisations.append(
            Organisation(
                name=f"Bench firm {i}",
                slug=f"{BENCH_SLUG_PREFIX}{i:07d}",
                kind=OrganisationKind.COMPANY,
                town_id=geonameid,
                size_class=rng.choices(sizes, weights=size_weights)[0],
                sector_id=rng.choices(sectors, weights=sector_weights)[0],
                working_languages="nl",
            )
        )
    Organisation.objects.bulk_create(organisations, batch_size=5000)
    ids = dict(Organisation.objects.filter(slug__startswith=BENCH_SLUG_PREFIX).values_list("slug", "pk"))
    town_of = {geonameid: (country, nuts3) for geonameid, country, nuts3 in towns}
    town_of[enschede.geonameid] = ("NL", enschede.nuts3_id)

    user, _ = User.objects.get_or_create(
        email=BENCH_EMAIL, defaults={"full_name": "Bench", "role": Role.SME, "role_confirmed": True}
    )
    Membership.objects.get_or_create(user=user, organisation_id=ids[TARGET_SLUG], defaults={"is_manager": True})

    # Assessments: every firm one latest; the first ones also an earlier one 8 months before.
    reference = datetime(2026, 11, 1, tzinfo=UTC)
    repeats = wanted - firms
    fields = [f for f in Assessment._meta.concrete_fields if not f.primary_key]
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    table = connection.ops.quote_name(Assessment._meta.db_table)
    with connection.cursor() as cursor, cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
        for index, organisation in enumerate(organisations):
            country, nuts3 = town_of[organisation.town_id]
            entries = pool[organisation.size_class]
            pick = rng.randrange(0, len(entries), 2)
            completed = reference - timedelta(days=rng.uniform(1, 180), minutes=rng.uniform(0, 600))
            history = [(entries[pick], completed - timedelta(days=240), False)] if index < repeats else []
            history.append((entries[pick + 1], completed, True))
            for (answers, result), when, latest in history:
                company = {
                    "size_class": organisation.size_class,
                    "sector": organisation.sector_id,
                    "country": country,
                    "region": nuts3,
                }
                row = Assessment(
                    organisation_id=ids[organisation.slug],
                    status=Assessment.Status.COMPLETED,
                    language="nl" if country == "NL" else "de",
                    answers={
                        **answers,
                        "C.size_class": f"C.size_class.{organisation.size_class}",
                        "C.sector": organisation.sector_id,
                        "C.country": f"C.country.{country}",
                        "C.region": nuts3,
                    },
                    share_for_research=True,
                    completed_at=when,
                    is_latest=latest,
                    overall=result["overall"],
                    band=result["band"],
                    stage=result["stage"]["reached"],
                    stage_progress=result["stage"]["progress"],
                    follower_group=result["follower_group"]["group"],
                    island_score=result["technology"]["island_score"],
                    result={**result, "company": company},
                    **company,
                    **{f"d{i}": result["dimensions"][f"D{i}"] for i in range(1, 7)},
                )
                values = []
                for field in fields:
                    value = field.pre_save(row, add=True)
                    if field.name == "started_at":
                        value = when - timedelta(minutes=20)
                    values.append(field.get_db_prep_save(value, connection))
                copy.write_row(values)


def run_child(url: str, assessments: int, requests: int, fresh: bool, seed: int) -> dict[str, object]:
    database_ensure(url)
    command = [
        sys.executable,
        __file__,
        "--phase",
        "page",
        "--database-url",
        url,
        "--assessments",
        str(assessments),
        "--requests",
        str(requests),
        "--seed",
        str(seed),
    ]
    if fresh:
        command.append("--fresh")
    env = {**os.environ, "DEBUG": "1", "DATABASE_URL": url}
    completed = subprocess.run(command, env=env, capture_output=True, text=True, cwd=ROOT)
    if completed.returncode != 0:
        sys.stderr.write(completed.stderr)
        raise SystemExit(f"the page benchmark on {url} failed")
    sys.stderr.write(completed.stderr)
    return json.loads(completed.stdout.strip().splitlines()[-1])


# --- report ------------------------------------------------------------------------------------


def table(report: dict) -> str:
    scoring = report["scoring"]
    full, empty = report["result_page"]["populated"], report["result_page"]["baseline"]
    rows = [
        ("what", "n", "median ms", "p95 ms", "ratio median", "ratio p95"),
        ("score(), synthetic answers", *_cells(scoring["synthetic"], scoring["ratio"])),
        ("score(), nothing yet (baseline)", *_cells(scoring["baseline_nothing_yet"])),
        (
            f"peer_comparison, {full['assessments']:,} stored",
            *_cells(full["peer_comparison"], report["ratios"]["peers"]),
        ),
        ("peer_comparison, no peers (baseline)", *_cells(empty["peer_comparison"])),
        (f"result page, {full['assessments']:,} stored", *_cells(full["page"], report["ratios"]["page"])),
        ("result page, no peers (baseline)", *_cells(empty["page"])),
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


def _cells(figures: dict, ratios: dict | None = None) -> tuple[str, ...]:
    ratio_cells = (f"{ratios['median']:.2f}", f"{ratios['p95']:.2f}") if ratios else ("1.00", "1.00")
    return (f"{figures['n']:,}", f"{figures['median_ms']:.3f}", f"{figures['p95_ms']:.3f}", *ratio_cells)


def bench_page(args: argparse.Namespace) -> tuple[dict, dict]:
    """Alternate between the populated and the baseline database in rounds, so that a change in the
    machine's load during the run affects both sides alike; the samples of all rounds are pooled."""
    per_round = math.ceil(args.requests / args.rounds)
    sides = {"populated": (args.database_url, args.assessments), "baseline": (baseline_url(args.database_url), 2)}
    outcome: dict[str, dict] = {}
    for number in range(args.rounds):
        for side, (url, assessments) in sides.items():
            print(f"  round {number + 1} of {args.rounds}: {side}", file=sys.stderr)
            run = run_child(url, assessments, per_round, args.fresh and number == 0, args.seed)
            if side not in outcome:
                outcome[side] = {**run, "page_seconds": [], "peer_comparison_seconds": []}
            outcome[side]["page_seconds"] += run["page_seconds"]
            outcome[side]["peer_comparison_seconds"] += run["peer_comparison_seconds"]
    for figures in outcome.values():
        figures["page"] = summary(figures.pop("page_seconds"))
        figures["peer_comparison"] = summary(figures.pop("peer_comparison_seconds"))
    return outcome["populated"], outcome["baseline"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database-url", default=os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE_URL))
    parser.add_argument("--assessments", type=int, default=100_000, help="completed assessments stored (100,000)")
    parser.add_argument("--requests", type=int, default=200, help="result page requests measured (200)")
    parser.add_argument("--rounds", type=int, default=4, help="alternations between the two databases (4)")
    parser.add_argument("--scoring", type=int, default=2000, help="answer sets scored (2,000)")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--fresh", action="store_true", help="rebuild the stored population")
    parser.add_argument("--phase", choices=["page"], help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.phase == "page":
        print(json.dumps(page_phase(args.database_url, args.assessments, args.requests, args.fresh, args.seed)))
        return

    print(f"(a) scoring {args.scoring:,} synthetic answer sets …", file=sys.stderr)
    scoring = bench_scoring(args.scoring, args.seed)
    print(f"(b) result page with {args.assessments:,} stored assessments, and without peers …", file=sys.stderr)
    populated, baseline = bench_page(args)
    report = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {
            "python": platform.python_version(),
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
            "load_average": os.getloadavg() if hasattr(os, "getloadavg") else None,
        },
        "scoring": scoring,
        "result_page": {"populated": populated, "baseline": baseline},
        "ratios": {
            "page": ratio(populated["page"], baseline["page"]),
            "peers": ratio(populated["peer_comparison"], baseline["peer_comparison"]),
        },
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / f"quickscan-{datetime.now(UTC):%Y-%m-%d}.json"
    out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(table(report))
    print(
        f"\npeer group of the measured firm: {populated['peer_group']} (n = {populated['peer_group_n']:,}); "
        f"baseline: {baseline['peer_group'] or 'none (fewer than 5 firms)'}; "
        f"{populated['page_queries']} SQL queries per page"
    )
    print(f"written to {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
