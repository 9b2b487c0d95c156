"""The generated statements in cypher/generated/ are what graph/bulk.py writes today."""

from __future__ import annotations

from graphsvc.graph import bulk
from tests.support import ROOT

FOLDER = ROOT / "cypher" / bulk.FOLDER


def test_generated_statements_on_disk_are_current():
    on_disk = {p.name: p.read_text(encoding="utf-8") for p in FOLDER.glob("*.cypher")}
    expected = bulk.statements()
    stale = sorted(set(on_disk) - set(expected))
    differing = sorted(name for name, text in expected.items() if on_disk.get(name) != text)
    assert not stale and not differing, f"run `make cypher`: stale {stale}, differing {differing}"


def test_every_generated_statement_says_it_is_generated():
    for text in bulk.statements().values():
        assert "do not edit" in text.splitlines()[2]
