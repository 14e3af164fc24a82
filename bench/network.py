"""Network benchmark: a CORDIS-sized import into PostgreSQL, one period's report, and networkx on the same graph.

    .venv/bin/python bench/network.py                             # 550,000 organisations (about 900,000 participations)
    .venv/bin/python bench/network.py --organisations 50000       # a quicker run
    .venv/bin/python bench/network.py --json                      # the figures as JSON instead of the table

What it measures:

1. Population: `manage.py generate_projects` writes project.csv and organization.csv (CORDIS's layout,
   `borderless.core.network.synthetic`, seed 2026) to a temporary directory.
2. Import: a fresh database (default borderless_bench_network, dropped and created, migrated, reference
   data loaded), then `manage.py import_cordis` in a process of its own: wall time and that process's
   peak resident memory (`os.wait4`'s ru_maxrss). The database holds no platform organisations, so every
   participant is matched by nothing and kept under its PIC. Then the same import again, which must
   find every project unchanged.
3. Report: in this process, the app's reading of the network's inputs (`figures.inputs_read`, one query)
   and `network_reports` over the projects that started up to 2020, which gives the 2014–2020 report and
   the 2007–2013 report it is compared with (newcomers, growth, phases; nothing later counts). Every core
   step is timed (wrapped where `network_reports` calls it). Peak memory: this process's ru_maxrss right
   after the report (nothing else large has run in it).
4. networkx: the same figures on the same 2014–2020 graph (density, transitivity, components and the
   giant component's share, degree and weighted degree, betweenness, Burt's constraint) within a time box
   (--networkx-seconds, 120). Density, components and degrees run on the whole graph. Transitivity,
   betweenness and constraint are sums over parts (triangles node by node; Brandes' algorithm source by
   source, each costing the same O(m) traversal; constraint node by node), so each runs part after part
   until its share of the box is used, and where it did not finish its time is scaled: by the core's
   pivots over the pivots done for betweenness, by n over the nodes done (a uniform random sample) for
   triangles and constraint. Every value computed is compared with the core's. The ratio is networkx's
   (estimated) time over the core's `graph_metrics` + `organisation_metrics` on that graph.

Targets on this 2-core machine: import under 180 s, report under 30 s and 4 GB, networkx at least 10 times
slower. The database's name must contain "bench" (--database-url or BENCH_NETWORK_DATABASE_URL); it is
dropped at the end unless --keep. Results go to bench/results/network-<date>.json.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/borderless_bench_network"
RESULTS = ROOT / "bench" / "results"
TARGETS = {"import_s": 180.0, "report_s": 30.0, "report_memory_mb": 4096.0, "networkx_ratio": 10.0}
PERIOD = (2014, 2020)
CORE_STEPS = (
    "tie_graph",
    "pairs_of",
    "to_igraph",
    "graph_metrics",
    "organisation_metrics",
    "brokerage_of",
    "organisation_phases",
    "component_phases",
    "region_phases",
    "turnover",
)


def log(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def mb(kilobytes: int) -> float:
    return kilobytes / 1024  # ru_maxrss is in kB on Linux


# --- population, database, import: each in a process of its own ----------------------------------------


def manage(*arguments: str, env: dict[str, str]) -> tuple[float, float, str]:
    """Run `manage.py` (system checks skipped: start-up is not what is measured); wall s, peak MB, stdout."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        started = time.perf_counter()
        process = subprocess.Popen(
            [sys.executable, str(ROOT / "manage.py"), *arguments, "--skip-checks"], env=env, stdout=out, stderr=err
        )
        # wait4, not Popen.wait: it gives this child's own peak memory.
        _pid, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        if process.returncode != 0:
            raise SystemExit(f"manage.py {arguments[0]} failed:\n{err.read() or out.read()}")
        return seconds, mb(usage.ru_maxrss), out.read()


def database_recreate(url: str) -> str:
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    if "bench" not in name:
        raise SystemExit(f"refusing to use the database {name!r}: its name must contain 'bench'")
    maintenance = urlunsplit((parts.scheme, parts.netloc, "/postgres", "", ""))
    with psycopg.connect(maintenance, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')
    return maintenance


def database_drop(maintenance: str, url: str) -> None:
    import psycopg

    name = urlsplit(url).path.lstrip("/")
    with psycopg.connect(maintenance, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def counts_of(text: str) -> dict[str, int]:
    return {word: int(number) for number, word in re.findall(r"(\d+) (organisations|projects|participations)", text)}


# --- the report, in this process ------------------------------------------------------------------------


def report_run() -> dict:
    from borderless.core.network import Period
    from borderless.core.network import report as core_report
    from borderless.network.figures import inputs_read

    steps: dict[str, float] = defaultdict(float)
    per_period: dict[tuple[str, str], float] = {}

    def timed(name, function):
        def run(*args, **kwargs):
            started = time.perf_counter()
            result = function(*args, **kwargs)
            seconds = time.perf_counter() - started
            steps[name] += seconds
            found = [a if isinstance(a, Period) else getattr(a, "period", None) for a in args]
            period = next((p for p in found if isinstance(p, Period)), None)  # None: a step over all periods
            if period is not None:
                per_period[(name, period.label)] = per_period.get((name, period.label), 0.0) + seconds
            return result

        return run

    originals = {name: getattr(core_report, name) for name in CORE_STEPS}
    for name, function in originals.items():
        setattr(core_report, name, timed(name, function))
    try:
        started = time.perf_counter()
        data = inputs_read()
        read_s = time.perf_counter() - started
        started = time.perf_counter()
        last = PERIOD[1]
        ties = [tie for tie in data.ties if data.starts[tie.project].year <= last]
        reports = core_report.network_reports(
            ties, data.starts, data.countries, "programme", regions=data.regions, only=Period(*PERIOD, "programme")
        )
        compute_s = time.perf_counter() - started
    finally:
        for name, function in originals.items():
            setattr(core_report, name, function)
    peak = mb(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
    [report] = [r for r in reports if (r.period.first_year, r.period.last_year) == PERIOD]
    label = report.period.label
    figures = report.metrics
    return {
        "report": report,
        "figures": {
            "read_s": read_s,
            "compute_s": compute_s,
            "total_s": read_s + compute_s,
            "peak_mb": peak,
            "periods": [r.period.label for r in reports],
            "steps_s": dict(steps),
            "steps_2014_2020_s": {name: s for (name, period), s in per_period.items() if period == label},
            "core_same_figures_s": per_period[("graph_metrics", label)] + per_period[("organisation_metrics", label)],
            "period": label,
            "participations_read": len(data.ties),
            "projects": figures.projects,
            "organisations": figures.organisations,
            "ties": figures.ties,
            "nl_de_ties": figures.nl_de_ties,
            "density": figures.density,
            "transitivity": figures.transitivity,
            "components": figures.components,
            "giant_component_share": figures.giant_component_share,
            "betweenness_method": report.organisations.betweenness_method,
            "betweenness_pivots": report.organisations.betweenness_pivots,
        },
    }


# --- networkx on the same graph -------------------------------------------------------------------------


def in_parts(parts: list, run, seconds: float) -> tuple[int, float]:
    """Run `run` on `parts` one after the other while under `seconds` (at least one); done, time taken."""
    started = time.perf_counter()
    done = 0
    for part in parts:
        run(part)
        done += 1
        if time.perf_counter() - started >= seconds:
            break
    return done, time.perf_counter() - started


def networkx_run(report, *, budget: float, seed: int) -> dict:
    import igraph
    import networkx as nx

    from borderless.core.network.metrics import to_igraph

    graph, core = report.graph, report.metrics
    core_rows = {row.organisation: row for row in report.organisations.organisations}
    n = len(graph.organisations)
    started = time.perf_counter()
    measures: dict[str, dict] = {}

    def whole(name: str, run) -> object:
        began = time.perf_counter()
        value = run()
        measures[name] = {"seconds": time.perf_counter() - began, "how": "whole graph"}
        return value

    def build() -> nx.Graph:
        built = nx.Graph()
        built.add_nodes_from(graph.organisations)
        built.add_weighted_edges_from((a, b, w) for (a, b), w in graph.ties.items())
        return built

    G = whole("build", build)
    density = whole("density", lambda: nx.density(G))
    sizes = whole("components", lambda: [len(c) for c in nx.connected_components(G)])
    degrees = whole("degree", lambda: (dict(G.degree()), dict(G.degree(weight="weight"))))
    agreement = {
        "density": abs(density - (core.density or 0.0)),
        "components": len(sizes) == core.components,
        "giant_component_share": abs(max(sizes) / n - (core.giant_component_share or 0.0)),
        "degree": all(degrees[0][o] == core_rows[o].degree for o in graph.organisations),
        "weighted_degree": all(round(degrees[1][o]) == core_rows[o].weighted_degree for o in graph.organisations),
    }

    nodes = list(graph.organisations)
    random.Random(seed).shuffle(nodes)  # a uniform random order: what is done is a uniform sample
    batches = [nodes[i : i + 200] for i in range(0, n, 200)]
    remaining = max(1.0, budget - (time.perf_counter() - started))

    # Transitivity: triangles node by node, as nx.transitivity counts them.
    triangles: dict[str, int] = {}
    done, seconds = in_parts(batches, lambda batch: triangles.update(nx.triangles(G, batch)), remaining * 0.2)
    counted = sum(len(b) for b in batches[:done])
    g = to_igraph(graph)
    index = {org: i for i, org in enumerate(graph.organisations)}
    if counted == n:
        triads = sum(d * (d - 1) for d in degrees[0].values()) / 2
        agreement["transitivity"] = (
            abs(sum(triangles.values()) / triads - (core.transitivity or 0.0)) if triads else 0.0
        )
    local = g.transitivity_local_undirected(vertices=[index[o] for o in triangles], mode="zero")
    agreement["triangles_of_the_nodes_done"] = all(
        round(c * degrees[0][o] * (degrees[0][o] - 1) / 2) == triangles[o]
        for o, c in zip(triangles, local, strict=True)
    )
    measures["transitivity"] = scaled(seconds, counted, n, "nodes' triangles")

    # Betweenness: networkx has no estimate with a stated error bound (KADABRA's, which the core uses
    # above its exact limit). Its source sampling (Brandes & Pich) would need more sources than there are
    # nodes to promise the core's bound by Hoeffding's inequality, so networkx computes it exactly: Brandes
    # from every node, source by source, timed on part of them and scaled by n over the sources done.
    pivots = n
    sources = list(range(n))
    random.Random(seed).shuffle(sources)
    partial: dict[str, float] = defaultdict(float)

    def from_source(source: int) -> None:
        for org, value in nx.betweenness_centrality_subset(
            G, [graph.organisations[source]], nodes, normalized=False
        ).items():
            partial[org] += value

    remaining = max(1.0, budget - (time.perf_counter() - started))
    done, seconds = in_parts(sources, from_source, remaining * 0.5)
    reference = g.betweenness(directed=False, sources=sources[:done])
    agreement["betweenness_of_the_sources_done"] = max(
        abs(partial[o] - reference[i]) / max(1.0, abs(reference[i])) for o, i in index.items()
    )
    measures["betweenness"] = scaled(seconds, done, pivots, "sources (pivots)")

    # Burt's constraint, node by node.
    constraint: dict[str, float] = {}
    remaining = max(1.0, budget - (time.perf_counter() - started))
    done, seconds = in_parts(
        batches, lambda batch: constraint.update(nx.constraint(G, batch, weight="weight")), remaining
    )
    counted = sum(len(b) for b in batches[:done])
    agreement["constraint_of_the_nodes_done"] = max(
        (abs(v - core_rows[o].constraint) for o, v in constraint.items() if core_rows[o].constraint is not None),
        default=0.0,
    )
    agreement["constraint_isolates"] = all(
        (core_rows[o].constraint is None) == math.isnan(v) for o, v in constraint.items()
    )
    measures["constraint"] = scaled(seconds, counted, n, "nodes")

    total = sum(m["estimated_seconds"] if "estimated_seconds" in m else m["seconds"] for m in measures.values())
    return {
        "networkx": nx.__version__,
        "igraph": igraph.__version__,
        "budget_s": budget,
        "ran_s": time.perf_counter() - started,
        "measures": measures,
        "estimated_total_s": total,
        "agreement": agreement,
        "peak_mb_after": mb(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss),
    }


def scaled(seconds: float, done: int, total: int, unit: str) -> dict:
    if done >= total:
        return {"seconds": seconds, "how": f"all {total:,} {unit}"}
    return {
        "seconds": seconds,
        "estimated_seconds": seconds * total / done,
        "how": f"{done:,} of {total:,} {unit} in {seconds:.1f} s, x {total:,} / {done:,}",
    }


# --- output ---------------------------------------------------------------------------------------------


def verdict(met: bool) -> str:
    return "met" if met else "MISSED"


def table(result: dict) -> str:
    population, imported, report, nx_figures = (
        result["population"],
        result["import"],
        result["report"],
        result["networkx"],
    )
    ratio = result["ratio"]
    lines = [
        f"population   {population['organisations']:,} organisations, {population['projects']:,} projects, "
        f"{population['participations']:,} participations; generated in {population['seconds']:.1f} s",
        f"database     created, migrated, reference data in {result['database_s']:.1f} s",
        f"import       {imported['seconds']:.1f} s, peak {imported['peak_mb']:,.0f} MB "
        f"(target < {TARGETS['import_s']:.0f} s: {verdict(imported['seconds'] < TARGETS['import_s'])})",
        f"again        {imported['again']['seconds']:.1f} s, peak {imported['again']['peak_mb']:,.0f} MB, "
        f"{'nothing changed' if imported['again']['unchanged'] else 'CHANGES (a bug)'}",
        f"report       {report['period']}: {report['organisations']:,} organisations, {report['ties']:,} ties, "
        f"{report['projects']:,} projects; read {report['read_s']:.1f} s + compute {report['compute_s']:.1f} s "
        f"({', '.join(report['periods'])}) = {report['total_s']:.1f} s, peak {report['peak_mb']:,.0f} MB "
        f"(targets < {TARGETS['report_s']:.0f} s: {verdict(report['total_s'] < TARGETS['report_s'])}, "
        f"< {TARGETS['report_memory_mb']:.0f} MB: {verdict(report['peak_mb'] < TARGETS['report_memory_mb'])})",
        "",
        "core step (network_reports)   all periods s   2014–2020 s",
    ]
    for name in CORE_STEPS:
        one = report["steps_2014_2020_s"].get(name)
        lines.append(f"  {name:<28}{report['steps_s'].get(name, 0.0):>14.1f}{'–' if one is None else f'{one:.1f}':>14}")
    lines += ["", f"{'figure':<14}{'networkx s':>12}  how", f"{'-' * 14}{'-' * 12}  {'-' * 40}"]
    for name, measure in nx_figures["measures"].items():
        seconds = measure.get("estimated_seconds", measure["seconds"])
        mark = "~" if "estimated_seconds" in measure else " "
        lines.append(f"{name:<14}{mark}{seconds:>11.1f}  {measure['how']}")
    lines += [
        "",
        f"networkx     {nx_figures['estimated_total_s']:,.0f} s (estimated where marked ~; ran "
        f"{nx_figures['ran_s']:.0f} s of a {nx_figures['budget_s']:.0f} s box), core (igraph) "
        f"{report['core_same_figures_s']:.1f} s for the same figures: ratio {ratio:,.0f} "
        f"(target >= {TARGETS['networkx_ratio']:.0f}: {verdict(ratio >= TARGETS['networkx_ratio'])})",
        "agreement    " + ", ".join(f"{k} {v:.2g}" if isinstance(v, float) else f"{k} {v}" for k, v in
                                    nx_figures["agreement"].items()),
    ]  # fmt: skip
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--organisations", type=int, default=550_000, help="organisations (550,000)")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--database-url", default=os.environ.get("BENCH_NETWORK_DATABASE_URL", DEFAULT_DATABASE_URL))
    parser.add_argument("--networkx-seconds", type=float, default=120.0, help="networkx's time box (120)")
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON instead of the table")
    args = parser.parse_args()
    load_before = os.getloadavg()
    env = {**os.environ, "DATABASE_URL": args.database_url, "PYTHONUNBUFFERED": "1"}

    with tempfile.TemporaryDirectory(prefix="bench-network-") as folder:
        log(f"population: {args.organisations:,} organisations …")
        seconds, _peak, out = manage(
            "generate_projects", folder, "--organisations", str(args.organisations), "--seed", str(args.seed), env=env
        )
        population = {**counts_of(out), "seconds": seconds, "seed": args.seed}
        population["csv_mb"] = sum(p.stat().st_size for p in Path(folder).iterdir()) / 1e6
        log("database: create, migrate, reference data …")
        started = time.perf_counter()
        maintenance = database_recreate(args.database_url)
        manage("migrate", "--noinput", "-v0", env=env)
        manage("load_reference_data", env=env)
        database_s = time.perf_counter() - started
        log("import_cordis …")
        seconds, peak, out = manage(
            "import_cordis", str(Path(folder) / "project.csv"), str(Path(folder) / "organization.csv"), env=env
        )
        imported = {"seconds": seconds, "peak_mb": peak, "output": out.strip().splitlines()}
        log("import_cordis again (nothing may change) …")
        seconds, peak, out = manage(
            "import_cordis", str(Path(folder) / "project.csv"), str(Path(folder) / "organization.csv"), env=env
        )
        unchanged = f"Projects: 0 new, 0 updated, {population.get('projects')} unchanged." in out
        imported["again"] = {"seconds": seconds, "peak_mb": peak, "unchanged": unchanged}

    try:
        os.environ["DATABASE_URL"] = args.database_url
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "borderless.settings")
        import django

        django.setup()
        log("report …")
        ran = report_run()
        log(f"networkx (time box {args.networkx_seconds:.0f} s) …")
        nx_figures = networkx_run(ran["report"], budget=args.networkx_seconds, seed=args.seed)
    finally:
        if not args.keep:
            from django.db import connections

            connections.close_all()
            database_drop(maintenance, args.database_url)
    report = ran["figures"]
    result = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "command": " ".join([".venv/bin/python", "bench/network.py", *sys.argv[1:]]),
        "machine": {
            "python": platform.python_version(),
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
            "load_average_before": load_before,
            "load_average_after": os.getloadavg(),
        },
        "targets": TARGETS,
        "population": population,
        "database_s": database_s,
        "import": imported,
        "report": report,
        "networkx": nx_figures,
        "ratio": nx_figures["estimated_total_s"] / report["core_same_figures_s"],
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    out_file = RESULTS / f"network-{datetime.now(UTC):%Y-%m-%d}.json"
    out_file.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print(table(result))
    print(f"load average {load_before[0]:.1f} before, {result['machine']['load_average_after'][0]:.1f} after")
    print(f"written to {out_file.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
