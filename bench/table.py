"""The bench's summary: each headline figure beside its target. Timing never fails the build:
PASS / FAIL is printed, the exit status stays 0."""

from __future__ import annotations

from typing import Any

# key: (target, "at most" / "equal", what it is)
PASS_TARGETS: dict[str, tuple[float, str]] = {
    "report_vs_sql": (1.5, "annual report's tables / SQL GROUP BY time"),
    "page_p95_vs_bare": (2.0, "worst page p95 / bare view p95, most clients"),
    "page_errors": (0, "non-200 responses"),
    "export_rss_growth_mb": (50, "export peak memory growth vs an export 10x smaller (MB)"),
    "report_growth_slope": (1.1, "log-log slope of report time against size"),
}


def _verdict(value: Any, target: float) -> str:
    if value is None:
        return "n/a"
    return "PASS" if value <= target else "FAIL"


def table(results: dict[str, Any]) -> str:
    lines = [f"Leaver bench: {results['interviews']:,} interviews, "
             f"{results['machine']['cores']} cores, {results['machine']['memory_gb']} GB", ""]
    for key, (target, words) in PASS_TARGETS.items():
        value = results.get(key)
        shown = "n/a" if value is None else f"{value:.2f}" if isinstance(value, float) \
            else str(value)
        lines.append(f"  {key:<22} {shown:>9}  target <= {target:<5} "
                     f"{_verdict(value, target):<5} {words}")
    report = results.get("report", {})
    if report:
        lines.append(f"\n  report {report['report_s']:.2f} s, SQL {report['sql_s']:.2f} s "
                     f"(themes apart: {report.get('themes', 0)} in "
                     f"{report.get('themes_s', 0):.1f} s); "
                     "by size: " + ", ".join(
                         f"{int(k):,}: {v:.2f} s"
                         for k, v in results["growth"]["report_s_by_size"].items()))
    if "stored_build_seconds" in results:
        lines.append(f"  the stored report (PDF, XLSX, CSV, charts, themes) built in "
                     f"{results['stored_build_seconds']:.1f} s by the worker's code")
    export = results.get("export")
    if export:
        lines.append(f"  export {export['full']['rows']:,} rows at "
                     f"{export['rows_per_second']:,.0f} rows/s; peak growth "
                     f"{export['full']['peak_growth_mb']:.1f} MB (vs "
                     f"{export['small']['peak_growth_mb']:.1f} MB for "
                     f"{export['small']['rows']:,} rows)")
    levels = results.get("pages", {}).get("levels", {})
    if levels:
        lines.append("\n  page                 clients   p50 ms   p95 ms  x bare  errors  bytes")
        for clients, level in levels.items():
            for name, figures in level.items():
                ratio = figures.get("p95_vs_bare")
                lines.append(
                    f"  {name:<20} {clients:>7} {figures['p50_ms'] or 0:>8.0f} "
                    f"{figures['p95_ms'] or 0:>8.0f} {ratio or 1:>7.2f} "
                    f"{figures['errors']:>7} {figures['bytes'] or 0:>6}")
    return "\n".join(lines)
