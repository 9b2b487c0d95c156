"""The benchmarks run on both engines, and `graphsvc bench --engines` puts them side by side."""

from __future__ import annotations

import json
import random

import click
import pytest
from click.testing import CliRunner

from graphsvc.bench import harness
from graphsvc.bench.catalogue import BENCHMARKS
from graphsvc.cli import cli
from graphsvc.commands.bench import _prepare
from graphsvc.domain import clock

# Benchmarks that serve the app from another process (gunicorn): their queries are the
# services' own, which the web tests run; tests/graph/test_cli.py runs them through the shell.
THROUGH_HTTP = {
    "cases.create_link_api",
    "search.referral_api",
    "coordination.gap_report_page",
    "referrals.inbox_api",
    "referrals.answer_api",
}


def test_every_in_process_benchmark_runs_on_the_seeded_graph(seeded, backend):
    ids = seeded.query("bench.sample_ids")
    rng = random.Random(7)
    for name, factory in BENCHMARKS.items():
        if name not in THROUGH_HTTP:
            factory(seeded, ids, rng)()  # raises when a benchmark cannot run
    report = harness.run_all(seeded, "herne", 2, only=("meta.", "directory."))
    assert report["engine"] == backend.name
    assert set(report["results"]) == {
        "meta.count_by_label",
        "directory.get_offer",
        "directory.offers_for_topic_in_district",
    }
    assert report["counts"]["Offer"] > 50
    # The sizing guide: FalkorDB says what the graph takes; Neo4j's is its configured heap.
    if backend.name == "falkordb":
        assert 0 <= report["memory_mb"] < 100  # the Herne seeds: a few MB
    else:
        assert report["memory_mb"] is None


def test_the_link_benchmark_draws_open_cases_with_consent_in_a_fixed_order(seeded):
    samples = seeded.query("bench.case_sample", actor_id="caritas-herne", today=clock.today_iso())
    assert samples
    keys = [(s["pseudonym"], s["topic"]) for s in samples]
    assert keys == sorted(keys)
    assert all(s["offers"] and s["version"] >= 1 for s in samples)


def test_the_referral_benchmarks_draw_the_organisation_with_most_open_referrals(seeded):
    rows = seeded.query("bench.referral_sample", pseudonym="HER-2026-0001", limit=3)
    assert rows
    sizes = [len(row["links"]) for row in rows]
    assert sizes == sorted(sizes, reverse=True)
    ids = [link["id"] for link in rows[0]["links"]]
    assert ids == sorted(ids)


def test_the_bench_refuses_a_graph_that_holds_other_data(seeded, backend):
    with pytest.raises(click.ClickException, match="not a generated herne graph"):
        _prepare(seeded, backend.settings, "herne", 1)


def test_one_bench_run_times_both_engines_side_by_side(both_engines, monkeypatch, tmp_path):
    neo4j, _ = both_engines["neo4j"]
    report = tmp_path / "bench.json"
    with monkeypatch.context() as patch:
        # FalkorDB: the embedded engine in a data directory of its own; Neo4j: the test's.
        patch.setenv("GRAPHSVC_DATA_DIR", str(tmp_path / "data"))
        for name, value in neo4j.env().items():
            patch.setenv(name, value)
        answer = CliRunner().invoke(
            cli,
            ["bench", "--scale", "herne", "-n", "2", "--engines", "falkordb,neo4j"]
            + ["--only", "meta.count_by_label", "--only", "directory.get_offer"]
            + ["--json", str(report)],
        )
    assert answer.exit_code == 0, answer.output
    header = next(line for line in answer.output.splitlines() if line.startswith("benchmark"))
    assert header.split() == [
        "benchmark",
        "falkordb", "p50", "falkordb", "p95", "neo4j", "p50", "neo4j", "p95",
        "ratio", "p50", "ratio", "p95",
    ]  # fmt: skip
    assert "ratio: neo4j / falkordb" in answer.output
    engines = json.loads(report.read_text())["engines"]
    assert set(engines) == {"falkordb", "neo4j"}
    assert engines["falkordb"]["counts"] == engines["neo4j"]["counts"]  # the same graph
    for timed in engines.values():
        assert set(timed["results"]) == {"meta.count_by_label", "directory.get_offer"}


def test_unknown_engines_are_refused_naming_the_option():
    answer = CliRunner().invoke(cli, ["bench", "--engines", "falkordb,oracle"])
    assert answer.exit_code == 2
    assert "--engines" in answer.output and "falkordb, neo4j" in answer.output


def test_the_comparison_shows_the_second_engine_over_the_first():
    def report(p50: float) -> dict:
        return {
            "scale": "herne",
            "counts": {"Offer": 3},
            "results": {"x.y": {"n": 5, "p50": p50, "p95": 2 * p50, "max": 3 * p50}},
        }

    table = harness.format_comparison({"falkordb": report(2.0), "neo4j": report(5.0)})
    row = next(line for line in table.splitlines() if line.startswith("x.y"))
    assert row.split() == ["x.y", "2.00", "4.00", "5.00", "10.00", "2.50", "2.50"]


def _report(scale: str, p95: dict[str, float]) -> dict:
    results = {name: {"n": 5, "p50": v, "p95": v, "max": v} for name, v in p95.items()}
    return {"scale": scale, "engine": "falkordb", "counts": {"Case": 1}, "results": results}


def test_growth_marks_per_municipality_benchmarks_that_grew_beyond_the_target():
    names = ("search.api", "cases.link", "meta.count_by_label")
    reports = {
        "herne": _report("herne", dict(zip(names, (1.0, 1.0, 1.0), strict=True))),
        "nrw": _report("nrw", dict(zip(names, (10.0, 4.0, 10.0), strict=True))),
        "nrw10": _report("nrw10", dict(zip(names, (12.0, 8.0, 140.0), strict=True))),
    }
    # Only the last two scales count; the whole-graph count grows with the state by nature.
    assert harness.growth_misses(reports) == {"cases.link"}
    table = harness.format_growth(reports, gauge=1.25)
    assert "machine gauge 1.25" in table
    rows = {line.split()[0]: line.split() for line in table.splitlines() if line[:1].islower()}
    assert rows["cases.link"][1] == "*" and rows["cases.link"][-1] == "2.00"
    assert rows["search.api"][-1] == "1.20" and "*" not in rows["search.api"]


@pytest.mark.parametrize("value", ["nrw", "nrw,nrw", "herne,berlin"])
def test_growth_needs_two_or_more_known_scales_once_each(value):
    answer = CliRunner().invoke(cli, ["bench", "--growth", value])
    assert answer.exit_code == 2
    assert "--growth" in answer.output and "herne, nrw, nrw10" in answer.output


def test_the_machine_gauge_is_this_machines_time_over_the_reference():
    gauge = harness.machine_gauge()
    # Wide bounds: a machine 20 times faster or slower than the reference is not this kind.
    assert 0.05 < gauge < 20
