"""`make bench`: generate, measure, print, write bench/results.json (docs/performance.md).

    python -m bench.run [--scale 10k|100k|1M|N] [--full] [--requests N] [--budget S]
                        [--clients 10,50]

Needs DATABASE_URL naming an empty PostgreSQL database (the Makefile starts a throwaway one
with scripts/with-postgres.sh). BENCH_SCALE sets the default scale (100k).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import secrets
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import django

from bench.table import PASS_TARGETS, table

BENCH = Path(__file__).resolve().parent
RESULTS = BENCH / "results.json"


def scale(text: str) -> int:
    text = text.strip().lower().replace("_", "")
    for suffix, factor in (("k", 1_000), ("m", 1_000_000)):
        if text.endswith(suffix):
            return int(float(text[:-1]) * factor)
    return int(text)


def sizes_for(n: int, full: bool) -> list[int]:
    """The organisations to make: N, N/10, the standard 10k and 100k up to N, 1M if full."""
    found = {n, max(n // 10, 10)} | {s for s in (10_000, 100_000) if s <= n}
    if full:
        found.add(1_000_000)
    return sorted(found)


def machine() -> dict[str, Any]:
    with open("/proc/meminfo", encoding="ascii") as meminfo:
        total_kib = int(next(line for line in meminfo if line.startswith("MemTotal")).split()[1])
    return {"cores": os.cpu_count(), "memory_gb": round(total_kib / 1024 / 1024, 1),
            "python": platform.python_version(), "platform": platform.platform(),
            "load_average": os.getloadavg()}


def _environment() -> dict[str, str]:
    """Production-like: DEBUG off, two-factor on; plain-http cookies for the local client."""
    env = dict(os.environ)
    env.update({"DEBUG": "false", "SECURE_COOKIES": "false", "TWO_FACTOR_REQUIRED": "true",
                "DJANGO_SETTINGS_MODULE": "bench.settings",
                "ALLOWED_HOSTS": "127.0.0.1,localhost"})
    env.setdefault("SECRET_KEY", secrets.token_urlsafe(48))
    # Synthetic data only: a fixed key, so the data generated and the server agree.
    env.setdefault("FIELD_ENCRYPTION_KEYS", "bench:YmVuY2gtb25seS1ub3Qtc2VjcmV0LWtleS0zMmJ5dGU=")
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    return env


def _export(organisation_id: int, year: int, env: dict[str, str]) -> dict[str, Any]:
    done = subprocess.run([sys.executable, "-m", "bench.export_probe", str(organisation_id),
                           str(year)], env=env, cwd=BENCH.parent, capture_output=True,
                          text=True, check=True)
    found: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make bench", description=__doc__.splitlines()[0])
    parser.add_argument("--scale", default=os.environ.get("BENCH_SCALE", "100k"),
                        help="interviews in the main organisation (10k, 100k, 1M or a number)")
    parser.add_argument("--full", action="store_true",
                        help="also time the report on an organisation of 1M interviews")
    parser.add_argument("--requests", type=int, default=100,
                        help="requests per page and concurrency level (at least 2 per client)")
    parser.add_argument("--clients", default="10,50",
                        help="concurrency levels, comma-separated; the ratio is at the highest")
    parser.add_argument("--budget", type=float, default=60.0,
                        help="seconds after which a page's run starts no new request")
    args = parser.parse_args(argv)
    n = scale(args.scale)
    env = _environment()
    os.environ.update(env)
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        print("The bench needs PostgreSQL: run `make bench` (it starts a throwaway one).",
              file=sys.stderr)
        return 2
    django.setup()
    from django.core.management import call_command  # after setup

    from bench import pages, report
    from bench.generate import generate
    from bench.sessions import signed_in_client_cookie
    from leaver.accounts.models import User

    call_command("migrate", verbosity=0)
    results: dict[str, Any] = {"interviews": n, "machine": machine(), "generated": {}}
    made = {}
    for size in sizes_for(n, args.full):
        start = time.perf_counter()
        made[size] = generate(size, slug="bench" if size == n else f"bench-{size}")
        results["generated"][str(size)] = {
            "seconds": time.perf_counter() - start, "recorded": made[size].recorded,
            "answers": made[size].answers, "open": sum(
                v for k, v in made[size].by_state.items() if k in _open_states())}
        print(f"generated {size:>9,} interviews, {made[size].answers:>10,} answers in "
              f"{results['generated'][str(size)]['seconds']:6.1f} s", flush=True)
    main_org, year = made[n], made[n].year
    results["year"] = year

    print("1. the annual report against SQL", flush=True)
    results["report"] = report.report_vs_sql(main_org.organisation_id, year)
    results["report_vs_sql"] = results["report"]["report_vs_sql"]

    print("4. the report at each size", flush=True)
    results["growth"] = report.growth({s: m.organisation_id for s, m in made.items()}, year)
    results["report_growth_slope"] = results["growth"]["report_growth_slope"]

    print("3. the answers export", flush=True)
    small = made[min(made, key=lambda s: abs(s - n // 10))]
    full_export = _export(main_org.organisation_id, year, env)
    small_export = _export(small.organisation_id, year, env)
    results["export"] = {"full": full_export, "small": small_export,
                         "rows_per_second": full_export["rows"] / full_export["seconds"]}
    results["export_rss_growth_mb"] = (full_export["peak_growth_mb"]
                                       - small_export["peak_growth_mb"])

    print("2. pages under load (gunicorn)", flush=True)
    csm = User.objects.get(pk=main_org.users["csm"][0])
    iro = User.objects.get(pk=main_org.users["iro"][0])
    cookie = {u.pk: "=".join(signed_in_client_cookie(u)) for u in (csm, iro)}
    start = time.perf_counter()
    report_id = build_stored_report(iro, year)
    results["stored_build_seconds"] = time.perf_counter() - start
    who = {"csm": cookie[csm.pk], "iro": cookie[iro.pk]}
    listed = [pages.Page(name, paths, who[role])
              for name, role, paths in measured(main_org.case_ids, year, report_id)]
    bare = pages.Page("bare", ("/bench/bare/",), cookie[csm.pk])
    with pages.Server(env) as server:
        levels = tuple(int(c) for c in args.clients.split(","))
        results["pages"] = pages.measure(server.port, listed, bare, levels, args.requests,
                                         args.budget)
        results["pages"]["workers"] = server.workers
    results["page_p95_vs_bare"] = results["pages"]["page_p95_vs_bare"]
    results["page_errors"] = results["pages"]["page_errors"]
    results["targets"] = PASS_TARGETS
    RESULTS.write_text(json.dumps(results, indent=2, default=str) + "\n", encoding="utf-8")
    print(table(results))
    print(f"Written to {RESULTS.relative_to(BENCH.parent)}")
    return 0


def measured(case_ids: Sequence[object], year: int, report_id: object
             ) -> list[tuple[str, str, tuple[str, ...]]]:
    """(name, who opens it, its addresses) for each page measured; tests/test_bench.py
    opens every one of them."""
    return [
        ("your_work_csm", "csm", ("/work/",)),
        ("your_work_iro", "iro", ("/work/",)),
        ("case", "iro", tuple(f"/cases/{c}/" for c in case_ids)),
        ("case_list_first", "csm", ("/cases/",)),
        ("case_list_last", "csm", ("/cases/?last=yes",)),
        # Worked out on each request (leaver.reports.views) ...
        ("report", "iro", (f"/reports/annual-monitoring/?year={year}",)),
        # ... and the same report built by the worker and stored (leaver.reports.stored).
        ("stored_report", "iro", (f"/reports/stored/{report_id}/",)),
    ]


def build_stored_report(iro: Any, year: int) -> object:
    """The IRO's annual monitoring report, asked for and built as the worker builds it."""
    from leaver.reports import stored
    from leaver.reports.models import Kind

    report = stored.request_build(iro, Kind.MONITORING, year)
    stored.build(report.public_id)
    return report.public_id


def _open_states() -> frozenset[str]:
    from leaver.pathways.young_person.states import OPEN

    return frozenset(str(s) for s in OPEN)


if __name__ == "__main__":
    sys.exit(main())
