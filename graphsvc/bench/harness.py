"""The harness behind `graphsvc bench`: the named benchmarks timed and summarised.

Each benchmark draws its parameters from real ids of the graph, runs `repeat` times and
reports n, p50, p95 and max in milliseconds. Speed targets are checked here, at the stated
scale, not in unit tests.
"""

from __future__ import annotations

import random
import statistics
import time
from typing import Any

from ..graph import Graph
from .catalogue import BENCHMARKS
from .factories import Step


def percentile(values: list[float], share: float) -> float:
    """The value below which `share` of the sorted values lie (nearest rank)."""
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, round(share * len(ordered) + 0.5) - 1))
    return ordered[rank]


def time_step(step: Step, repeat: int, warmup: int = 5) -> dict[str, float]:
    """Run `step` repeatedly and summarise the wall-clock times in milliseconds."""
    for _ in range(warmup):
        step()
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        step()
        times.append((time.perf_counter() - started) * 1000)
    return {
        "n": repeat,
        "p50": round(statistics.median(times), 3),
        "p95": round(percentile(times, 0.95), 3),
        "max": round(max(times), 3),
    }


def run_all(
    graph: Graph, scale: str, repeat: int, progress=None, only: tuple[str, ...] = ()
) -> dict[str, Any]:
    """Run every benchmark (or those starting with a prefix in `only`); return the report."""
    ids = graph.query("bench.sample_ids") or {}
    # Reproducible benchmark parameters, no secret.
    rng = random.Random(7)  # nosec B311
    results: dict[str, Any] = {}
    chosen = {n: f for n, f in BENCHMARKS.items() if not only or n.startswith(only)}
    bar = progress(len(chosen), "bench") if progress else None
    for name, factory in chosen.items():
        if all(ids.get(k) for k in ("offers", "districts", "topics", "cases")):
            step = factory(graph, ids, rng)
            # A step may fix its own run count (a whole nrw export runs once, not -n times).
            runs = getattr(step, "runs", repeat)
            results[name] = time_step(step, runs, warmup=0 if runs == 1 else 5)
        if bar:
            bar.update(1)
    if bar:
        bar.close()
    counts = {row["label"]: row["n"] for row in graph.query("meta.count_by_label")}
    return {"scale": scale, "engine": graph.dialect, "counts": counts, "results": results}


def format_table(report: dict[str, Any]) -> str:
    """The report as a plain-text table for the terminal."""
    lines = [
        f"scale {report['scale']} on {report['engine']}: "
        + ", ".join(f"{k} {v}" for k, v in report["counts"].items() if v),
        f"{'benchmark':<48} {'n':>5} {'p50 ms':>9} {'p95 ms':>9} {'max ms':>9}",
    ]
    for name, r in report["results"].items():
        lines.append(f"{name:<48} {r['n']:>5} {r['p50']:>9.2f} {r['p95']:>9.2f} {r['max']:>9.2f}")
    search = [report["results"].get(f"search.referral_{k}") for k in ("query", "api")]
    if all(search):
        ratio = search[1]["p95"] / search[0]["p95"]
        lines.append(f"referral search API / bare query (p95): {ratio:.2f}")
    if report.get("generate_seconds"):
        lines.append(f"generated in {report['generate_seconds']:.1f} s")
    return "\n".join(lines)


def _ratio(a: float | None, b: float | None) -> str:
    return f"{b / a:.2f}" if a and b is not None else "–"


def format_comparison(reports: dict[str, dict[str, Any]]) -> str:
    """Several engines' reports of the same benchmarks as one table: p50 and p95 per engine,
    and with two engines the second's times divided by the first's."""
    engines = list(reports)
    first = reports[engines[0]]
    lines = [f"scale {first['scale']}"]
    for engine, report in reports.items():
        counts = ", ".join(f"{k} {v}" for k, v in report["counts"].items() if v)
        made = report.get("generate_seconds")
        lines.append(f"  {engine}: {counts}" + (f" (generated in {made:.1f} s)" if made else ""))
    header = f"{'benchmark':<48}" + "".join(f" {e + ' p50':>14} {e + ' p95':>14}" for e in engines)
    pair = len(engines) == 2
    if pair:
        header += f" {'ratio p50':>10} {'ratio p95':>10}"
    lines.append(header)
    names = list(dict.fromkeys(n for r in reports.values() for n in r["results"]))
    for name in names:
        timed = [reports[e]["results"].get(name) for e in engines]
        row = f"{name:<48}"
        for t in timed:
            row += f" {t['p50']:>14.2f} {t['p95']:>14.2f}" if t else f" {'–':>14} {'–':>14}"
        if pair:
            a, b = timed
            row += f" {_ratio(a and a['p50'], b and b['p50']):>10}"
            row += f" {_ratio(a and a['p95'], b and b['p95']):>10}"
        lines.append(row)
    if pair:
        lines.append(f"ratio: {engines[1]} / {engines[0]} (above 1: {engines[1]} is slower)")
    return "\n".join(lines)
