"""The Cypher linter (tools/lint-cypher.mjs): Neo4j's own parser and semantic
analysis, via @neo4j-cypher/language-support, over every .cypher file.

No database is needed; node and the npm dependencies (`npm ci`) are.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]
LINTER = ROOT / "tools" / "lint-cypher.mjs"
PACKAGE_DIR = ROOT / "node_modules" / "@neo4j-cypher" / "language-support"
FIXTURES = ROOT / "tests" / "lint"


def run_lint(*targets: str) -> subprocess.CompletedProcess[str]:
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is not installed: install Node.js (>= 20), then run npm ci")
    if not PACKAGE_DIR.is_dir():
        pytest.fail(f"{PACKAGE_DIR.relative_to(ROOT)} is missing: run npm ci (in {ROOT})")
    return subprocess.run(
        [node, str(LINTER), *targets],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def describe(result: subprocess.CompletedProcess[str]) -> str:
    return f"exit {result.returncode}\nstdout:\n{result.stdout}\nstderr:\n{result.stderr}"


def test_valid_query_passes() -> None:
    result = run_lint("tests/lint/good")
    assert result.returncode == 0, describe(result)
    assert "ok  tests/lint/good/ok.cypher" in result.stdout, describe(result)
    assert "cypher lint: 1 files ok, 0 failed" in result.stdout, describe(result)


def test_syntax_and_semantic_errors_fail() -> None:
    result = run_lint("tests/lint/bad")
    assert result.returncode == 1, describe(result)
    assert "FAIL tests/lint/bad/broken.cypher:" in result.stdout, describe(result)
    assert "FAIL tests/lint/bad/semantic.cypher:" in result.stdout, describe(result)
    assert "Variable `x` not defined" in result.stdout, describe(result)
    assert "0 files ok, 2 failed" in result.stdout, describe(result)


def test_no_files_linted_fails(tmp_path: Path) -> None:
    (tmp_path / "falkordb").mkdir()
    (tmp_path / "falkordb" / "q.cypher").write_text("// name: q\nRETURN 1 AS one\n")
    result = run_lint(str(tmp_path))
    assert result.returncode == 1, describe(result)
    assert "(falkordb dialect)" in result.stdout, describe(result)
    assert "0 files ok, 0 failed, 1 skipped" in result.stdout, describe(result)


def test_every_project_cypher_file_passes_neo4j_lint() -> None:
    if not (ROOT / "cypher").is_dir():
        pytest.skip("cypher/ does not exist yet")
    result = run_lint("cypher", "tests/cypher")
    assert result.returncode == 0, describe(result)
