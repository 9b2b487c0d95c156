"""`graphsvc init` keys the demo identities with the configured secret; `graphsvc
same-client-scan` compares all cases of a municipality from the shell."""

from __future__ import annotations

from tests.graph.test_cli import graphsvc

SECRET = {"GRAPHSVC_MATCH_KEY_SECRET": "cli-test-secret-0123456789abcdef"}


def test_init_then_scan_finds_the_three_sample_pairs_with_the_configured_secret(tmp_path):
    assert graphsvc(tmp_path, "init", **SECRET).returncode == 0
    scanned = graphsvc(tmp_path, "same-client-scan", "--municipality", "herne", **SECRET)
    assert scanned.returncode == 0, scanned.stderr
    assert "likely pairs at or above 0.85" in scanned.stdout
    assert " 3 likely pairs" in scanned.stdout
    strict = graphsvc(tmp_path, "same-client-scan", **SECRET, GRAPHSVC_MATCH_THRESHOLD="0.995")
    assert " 2 likely pairs at or above 0.995" in strict.stdout  # the typo pair scores 0.99
