"""The graphsvc command: user and token management, one-line errors instead of tracebacks."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys


def graphsvc(tmp_path, *args, **env):
    environment = {**os.environ, "GRAPHSVC_DATA_DIR": str(tmp_path / "data"), **env}
    environment.pop("GRAPH_URL", None) if "GRAPH_URL" not in env else None
    return subprocess.run(
        [sys.executable, "-m", "graphsvc.cli", *args],
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_user_add_list_disable_and_token_from_the_shell(tmp_path):
    assert graphsvc(tmp_path, "init").returncode == 0
    added = graphsvc(
        tmp_path, "user", "add", "cm.test", "--actor", "caritas-herne", "--role", "case_manager"
    )
    assert added.returncode == 0, added.stderr
    assert "one-time password:" in added.stdout
    listed = graphsvc(tmp_path, "user", "list").stdout
    assert "cm.test" in listed and "active" in listed
    token = graphsvc(tmp_path, "token", "create", "cm.test")
    assert token.stdout.strip().startswith("gsv_")
    assert graphsvc(tmp_path, "user", "disable", "cm.test").returncode == 0
    assert "disabled" in graphsvc(tmp_path, "user", "list").stdout


def test_unknown_graph_url_scheme_gives_one_line_and_no_traceback(tmp_path):
    result = graphsvc(tmp_path, "init", GRAPH_URL="mysql://localhost")
    assert result.returncode == 2
    assert "GRAPH_URL scheme 'mysql' is unknown" in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_unreachable_neo4j_gives_one_line(tmp_path):
    result = graphsvc(tmp_path, "init", GRAPH_URL="bolt://127.0.0.1:1")
    assert result.returncode == 2
    assert "Neo4j is not reachable" in result.stderr
    assert "Traceback" not in result.stderr


def test_port_in_use_stops_run_with_a_clear_message(tmp_path):
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = graphsvc(tmp_path, "run", GRAPHSVC_PORT=str(port))
    assert result.returncode == 2
    assert f"cannot listen on 127.0.0.1:{port}" in result.stderr
    assert "Traceback" not in result.stderr


def test_broken_seed_file_is_reported_with_file_line_and_field(tmp_path):
    import shutil

    from tests.support import SEEDS

    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    path = seeds / "herne/offers.yaml"
    path.write_text(path.read_text().replace("    circle: inner", "    circle: middle", 1))
    from graphsvc.domain import seeds as seed_module
    from graphsvc.domain.yamlfile import SeedError

    try:
        seed_module.read(seeds)
    except SeedError as exc:
        assert "herne/offers.yaml:" in str(exc) and "field 'circle'" in str(exc)
    else:
        raise AssertionError("the broken seed file was accepted")


def test_purge_lists_first_and_deletes_only_with_yes(tmp_path):
    assert graphsvc(tmp_path, "init").returncode == 0
    dry = graphsvc(tmp_path, "purge", "--months", "1")
    assert dry.returncode == 0, dry.stderr
    assert "would be deleted" in dry.stdout
    listed = [line.split()[0] for line in dry.stdout.splitlines() if line.startswith("HER-")]
    assert listed
    done = graphsvc(tmp_path, "purge", "--months", "1", "--yes")
    assert f"{len(listed)} case(s) deleted" in done.stdout
    assert "0 case(s) would be deleted" in graphsvc(tmp_path, "purge", "--months", "1").stdout


def test_bench_only_runs_the_benchmarks_with_the_given_prefix(tmp_path):
    report = tmp_path / "bench.json"
    result = graphsvc(
        tmp_path,
        "bench",
        "--scale",
        "herne",
        "-n",
        "2",
        "--only",
        "directory.",
        "--json",
        str(report),
    )
    assert result.returncode == 0, result.stderr
    names = set(json.loads(report.read_text())["results"])
    assert names == {"directory.get_offer", "directory.offers_for_topic_in_district"}


def test_bench_times_the_api_and_a_logged_in_page_through_a_real_http_server(tmp_path):
    report = tmp_path / "bench.json"
    result = graphsvc(
        tmp_path, "bench", "--scale", "herne", "-n", "3", "--only", "search.referral_api",
        "--only", "coordination.gap_report_page", "--json", str(report),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    timed = json.loads(report.read_text())["results"]
    assert set(timed) == {"search.referral_api", "coordination.gap_report_page"}
    assert all(t["n"] == 3 and t["p50"] > 0 for t in timed.values())


def test_run_with_a_refused_admin_password_says_why_in_one_line(tmp_path):
    with socket.socket() as probe:  # a free port: the run stops before it listens
        probe.bind(("127.0.0.1", 0))
        port = str(probe.getsockname()[1])
    result = graphsvc(tmp_path, "run", GRAPHSVC_PORT=port, GRAPHSVC_ADMIN_PASSWORD="admin-pw-1234")
    assert result.returncode == 2
    assert "GRAPHSVC_ADMIN_PASSWORD is not accepted: it must not contain the username" in (
        result.stderr
    )
    assert "Traceback" not in result.stderr


def test_backup_restores_into_a_fresh_data_directory_with_nothing_lost(tmp_path):
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    origin, fresh = tmp_path / "origin", tmp_path / "fresh"
    assert graphsvc(origin, "init").returncode == 0
    exported = graphsvc(origin, "export", str(first))
    assert exported.returncode == 0, exported.stderr
    restored = graphsvc(fresh, "import", str(first))
    assert restored.returncode == 0, restored.stderr
    assert graphsvc(fresh, "export", str(second)).returncode == 0
    before = first.read_text(encoding="utf-8").splitlines()
    after = second.read_text(encoding="utf-8").splitlines()
    # Only the header (where and when) and the end line's counts may differ, and the restore
    # records itself in the audit trail of the restored graph: one node more.
    restore = [line for line in after if '"action":"backup.restore"' in line]
    assert len(restore) == 1
    assert [line for line in after[1:-1] if line not in restore] == before[1:-1]
    end_before, end_after = json.loads(before[-1]), json.loads(after[-1])
    assert end_after["nodes"] == end_before["nodes"] + 1
    assert end_after["relationships"] == end_before["relationships"]


def test_import_hsds_shows_progress_reports_unmapped_values_and_refuses_an_empty_folder(tmp_path):
    from tests import hsds_feeds

    assert graphsvc(tmp_path, "init").returncode == 0
    empty = tmp_path / "empty"
    empty.mkdir()
    refused = graphsvc(tmp_path, "import-hsds", str(empty), "--municipality", "herne")
    assert refused.returncode != 0
    assert "no HSDS data found" in refused.stderr and "nothing was written" in refused.stderr
    feed = hsds_feeds.as_tabular(tmp_path / "feed")
    report = tmp_path / "unmapped.csv"
    done = graphsvc(
        tmp_path, "import-hsds", str(feed), "--municipality", "herne", "--report", str(report)
    )
    assert done.returncode == 0, done.stderr
    assert "3 services written" in done.stdout
    assert "check:" in done.stderr and "100%" in done.stderr  # the progress bar
    assert "funding.csv, row 2, column source" in done.stdout
    assert '"Land NRW"' in report.read_text(encoding="utf-8")
    exported = graphsvc(tmp_path, "export-hsds", str(tmp_path / "out"), "--csv")
    assert exported.returncode == 0, exported.stderr
    assert (tmp_path / "out" / "service_at_location.csv").exists()
