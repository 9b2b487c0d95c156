"""Every query named in the code exists as a file, so a typo or a moved file fails here, not
on the one request that runs it."""

from __future__ import annotations

import re

import pytest

from graphsvc.graph.queries import load
from tests.support import ROOT, TEST_QUERIES

# graph.query("area.name", ...) and the benchmark helper query_step("area.name", ...)
PLACEHOLDER = "area.name"  # how docstrings show the call
NAMED = re.compile(r"""(?:\.query|query_step)\(\s*["']([a-z_]+\.[a-z0-9_]+)["']""")


def _named_in(folder: str) -> set[tuple[str, str]]:
    found = set()
    for path in (ROOT / folder).rglob("*.py"):
        for name in NAMED.findall(path.read_text(encoding="utf-8")):
            found.add((str(path.relative_to(ROOT)), name))
    return found


@pytest.mark.parametrize("dialect", ["falkordb", "neo4j"])
def test_every_query_the_code_names_has_a_file(dialect):
    known = set(load(dialect)) | set(load(dialect, TEST_QUERIES))
    named = _named_in("graphsvc") | _named_in("tests")
    assert len(named) > 100  # the pattern still finds the calls
    missing = sorted(
        (path, name) for path, name in named if name not in known and name != PLACEHOLDER
    )
    assert not missing, missing
