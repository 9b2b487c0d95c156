"""The harness behind `graphsvc bench`: the named benchmarks timed and summarised.

Each benchmark draws its parameters from real ids of the graph, runs `repeat` times and
reports n, p50, p95 and max in milliseconds. Speed targets are checked here, at the stated
scale, not in unit tests.
"""

from __future__ import annotations

import random
import statistics
import time
from collections.abc import Collection
from typing import Any

from ..graph import Graph
from .catalogue import BENCHMARKS, STATE_WIDE
from .factories import Step

# The machine gauge: a pure-Python loop of 10 million additions takes this long on the
# machine the targets were set on. Machines of one kind differ by up to 2x; a target of
# x ms means x times gauge() here.
GAUGE_REFERENCE_SECONDS = 0.6
# At 10x the municipalities a request for one municipality may cost at most this much more.
GROWTH_TARGET = 1.3


def machine_gauge() -> float:
    """This machine's speed relative to the reference (above 1: slower), best of three."""
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        total = 0
        for i in range(10_000_000):
            total += i
        best = min(best, time.perf_counter() - started)
    return round(best / GAUGE_REFERENCE_SECONDS, 2)


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
    return {
        "scale": scale,
        "engine": graph.dialect,
        "counts": counts,
        "results": results,
        "memory_mb": graph.backend.memory_mb(),
    }


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


def _side_by_side(reports: dict[str, dict[str, Any]], marked: Collection[str] = ()) -> list[str]:
    """p50 and p95 per column (engine or scale), and with several columns the last divided by
    the one before; rows named in `marked` get a star."""
    columns = list(reports)
    header = f"{'benchmark':<48}" + "".join(f" {c + ' p50':>14} {c + ' p95':>14}" for c in columns)
    ratio = len(columns) >= 2
    if ratio:
        header += f" {'ratio p50':>10} {'ratio p95':>10}"
    lines = [header]
    names = list(dict.fromkeys(n for r in reports.values() for n in r["results"]))
    for name in names:
        timed = [reports[c]["results"].get(name) for c in columns]
        row = f"{name + (' *' if name in marked else ''):<48}"
        for t in timed:
            row += f" {t['p50']:>14.2f} {t['p95']:>14.2f}" if t else f" {'–':>14} {'–':>14}"
        if ratio:
            a, b = timed[-2:]
            row += f" {_ratio(a and a['p50'], b and b['p50']):>10}"
            row += f" {_ratio(a and a['p95'], b and b['p95']):>10}"
        lines.append(row)
    return lines


def _sizes(label: str, report: dict[str, Any]) -> str:
    counts = ", ".join(f"{k} {v}" for k, v in report["counts"].items() if v)
    made, memory = report.get("generate_seconds"), report.get("memory_mb")
    return (
        f"  {label}: {counts}"
        + (f"; graph memory {memory} MB" if memory is not None else "")
        + (f" (generated in {made:.1f} s)" if made else "")
    )


def format_comparison(reports: dict[str, dict[str, Any]]) -> str:
    """Several engines' reports of the same benchmarks as one table: p50 and p95 per engine,
    and with two engines the second's times divided by the first's."""
    engines = list(reports)
    lines = [f"scale {reports[engines[0]]['scale']}"]
    lines += [_sizes(engine, report) for engine, report in reports.items()]
    lines += _side_by_side(reports)
    if len(engines) == 2:
        lines.append(f"ratio: {engines[1]} / {engines[0]} (above 1: {engines[1]} is slower)")
    return "\n".join(lines)


def growth_misses(reports: dict[str, dict[str, Any]]) -> set[str]:
    """Per-municipality benchmarks whose p95 grew by more than GROWTH_TARGET from the
    second-largest scale to the largest (state-wide ones grow with the state by nature)."""
    if len(reports) < 2:
        return set()
    before, after = (r["results"] for r in list(reports.values())[-2:])
    return {
        name
        for name, timed in after.items()
        if name not in STATE_WIDE
        and name in before
        and timed["p95"] > GROWTH_TARGET * before[name]["p95"]
    }


def format_growth(reports: dict[str, dict[str, Any]], gauge: float) -> str:
    """One engine's reports at growing scales as one table, the growth from the last two."""
    scales = list(reports)
    lines = [f"growth on {reports[scales[0]]['engine']}, machine gauge {gauge:.2f}"]
    lines += [_sizes(scale, report) for scale, report in reports.items()]
    misses = growth_misses(reports)
    lines += _side_by_side(reports, misses)
    if len(scales) >= 2:
        lines.append(
            f"ratio: {scales[-1]} / {scales[-2]}; * grew more than {GROWTH_TARGET}x "
            f"(state-wide, not per municipality: {', '.join(sorted(STATE_WIDE))})"
        )
    return "\n".join(lines)
