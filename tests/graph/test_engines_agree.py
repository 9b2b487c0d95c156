"""FalkorDB and Neo4j hold and answer the same: backups move between them line for line, and
every dialect override gives the same rows as its counterpart on the same data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from graphsvc.cli import cli
from graphsvc.graph.queries import CYPHER_DIR, DIALECTS
from graphsvc.services import audit, search, setup
from graphsvc.services.audit import Who
from tests.support import SEEDS


def _shell(backend, monkeypatch, *args: str) -> str:
    """Run a `graphsvc` command in this process against the given engine's graph."""
    with monkeypatch.context() as patch:
        for name, value in backend.env().items():
            patch.setenv(name, value)
        answer = CliRunner().invoke(cli, list(args))
    assert answer.exit_code == 0, answer.output
    return answer.output


def _content(path: Path) -> list[str]:
    """The backup's lines without the header (engine, time) and the restore's own audit event."""
    lines = path.read_text(encoding="utf-8").splitlines()[1:]
    restores = {
        json.loads(line)["props"]["id"]
        for line in lines
        if '"backup.restore"' in line and json.loads(line).get("label") == "AuditEvent"
    }
    kept = [line for line in lines if not any(f'"{event}"' in line for event in restores)]
    end = json.loads(kept[-1])
    assert end.get("end") is True
    # The end line counts what was written, the restore event included: count it out.
    end["nodes"] -= len(restores)
    return [*kept[:-1], json.dumps(end)]


def test_a_backup_moves_from_falkordb_to_neo4j_and_back_line_for_line(
    both_engines, monkeypatch, tmp_path
):
    (falkor_backend, falkor), (neo_backend, neo) = both_engines.values()
    setup.prepare(falkor, SEEDS)
    audit.record(falkor, Who({"id": "u1", "username": "admin"}), "login", details={"ü": 1.5})

    first, second, third = (tmp_path / f"{n}.jsonl" for n in ("first", "second", "third"))
    _shell(falkor_backend, monkeypatch, "export", str(first))
    _shell(neo_backend, monkeypatch, "import", str(first))
    _shell(neo_backend, monkeypatch, "export", str(second))
    assert json.loads(second.read_text(encoding="utf-8").splitlines()[0])["engine"] == "neo4j"
    assert _content(second) == _content(first)

    falkor.drop()
    falkor.apply_schema()
    _shell(falkor_backend, monkeypatch, "import", str(second))
    _shell(falkor_backend, monkeypatch, "export", str(third))
    assert _content(third) == _content(first)


def test_the_herne_seeds_give_the_same_backup_on_both_engines(both_engines, tmp_path):
    from graphsvc.services import backup

    files = {}
    for name, (_, graph) in both_engines.items():
        setup.prepare(graph, SEEDS)
        files[name] = tmp_path / f"{name}.jsonl"
        backup.export_file(graph, files[name])
    assert _loaded(files["neo4j"]) == _loaded(files["falkordb"])


def _loaded(path: Path) -> list[str]:
    """The backup's lines with the audit events' own id and time left out (they differ
    between two loads on any engine)."""
    lines = []
    for line in _content(path):
        item = json.loads(line)
        if item.get("label") == "AuditEvent":
            item["props"].pop("id")
            item["props"].pop("at")
        lines.append(json.dumps(item, sort_keys=True))
    return lines


def overrides() -> set[str]:
    """The dotted names of every query that has dialect files."""
    return {
        ".".join(path.relative_to(CYPHER_DIR / dialect).with_suffix("").parts)
        for dialect in DIALECTS
        for path in (CYPHER_DIR / dialect).rglob("*.cypher")
    }


# Free-text inputs for the full-text overrides, as people type them: need words, stems,
# compounds found by prefix, typos, both German spellings, organisation names, several
# words with a stop word between them, and a word found nowhere.
TEXTS = [
    "Wohnung",
    "Wonung",
    "wohnungssuche",
    "Beratung",
    "Sprachkurs",
    "Deutsch",
    "Lotsen",
    "Arbeit",
    "Jobcenter",
    "Caritas",
    "Diakonie",
    "Kinder",
    "Frauen",
    "Gesundheit",
    "Familie",
    "Migrationsberatung",
    "Integration",
    "Einbürgerung",
    "Einbuergerung",
    "Flüchtlingshilfe",
    "fluechtlingshilfe",
    "Kita",
    "Beratung für Frauen",
    "Hilfe bei Sucht",
    "Xylophonorchester",
]


def _texts(graph, name: str, text: str) -> list[dict]:
    query = search.fulltext_query(text, graph.dialect)
    assert query
    if name == "search.text":
        rows = graph.query(name, municipality_id="herne", text=query)
    else:
        rows = graph.query(name, municipality_id="herne", text=query, limit=1000)
    # Scores are each engine's own scale; the rows found are what must agree.
    return sorted(({k: v for k, v in row.items() if k != "score"} for row in rows), key=str)


# Per override: how to run it with the same input on each engine.
CASES = {"search.text": _texts, "search.offer_text": _texts}


def test_every_dialect_override_has_a_comparison_case():
    assert set(CASES) == overrides()


@pytest.mark.parametrize("name", sorted(CASES))
def test_dialect_overrides_give_the_same_rows_on_the_same_data(both_engines, name):
    graphs = {engine: graph for engine, (_, graph) in both_engines.items()}
    for graph in graphs.values():
        setup.prepare(graph, SEEDS)
    found_any = False
    for text in TEXTS:
        rows = {engine: CASES[name](graph, name, text) for engine, graph in graphs.items()}
        assert rows["neo4j"] == rows["falkordb"], text
        found_any = found_any or bool(rows["neo4j"])
    assert found_any


def _words(path: Path) -> set[str]:
    import re

    return {w.lower() for w in re.findall(r"[^\W\d_]{3,}", path.read_text(encoding="utf-8"))}


def test_few_words_of_the_herne_texts_find_different_offers_on_the_two_engines(both_engines):
    # The stemmers differ (Snowball on FalkorDB, Lucene's light German stemmer on Neo4j),
    # and so does typo matching: measured, 51 of the 1,083 words of the seed offers and
    # organisations find different hits (docs/engines.md). More would be a new difference.
    graphs = {engine: graph for engine, (_, graph) in both_engines.items()}
    for graph in graphs.values():
        setup.prepare(graph, SEEDS)
    words = _words(SEEDS / "herne" / "offers.yaml") | _words(SEEDS / "herne" / "actors.yaml")
    differ = [
        word
        for word in sorted(words)
        if search.fulltext_query(word, "neo4j")
        and len({tuple(map(str, _texts(g, "search.text", word))) for g in graphs.values()}) > 1
    ]
    assert len(words) > 1000
    assert len(differ) <= 55, differ
