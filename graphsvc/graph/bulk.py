"""The generated statements: one per label and relationship type of the graph model.

Labels and relationship types cannot be parameters, so every label gets its own count, ids,
export and create statement, and every (start, type, end) its own export and link statement,
written from domain/graph_model.py into cypher/generated/ by `make cypher`
(`python -m graphsvc.graph.bulk`). Bulk loads (seeds, generator) and backups both use them;
a test fails when the files on disk differ from what this module writes.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from ..domain.graph_model import LABELS, MERGED_LABELS, RELATIONSHIPS, EdgeKey

FOLDER = "generated"
NOTE = "// Generated from graphsvc/domain/graph_model.py by `make cypher`: do not edit.\n"


def snake(name: str) -> str:
    """PascalCase label → snake_case name part (SameClientPair → same_client_pair)."""
    return re.sub(r"(?<=[a-z])(?=[A-Z])", "_", name).lower()


def count_query(label: str) -> str:
    """How many nodes of `label` there are (:scalar)."""
    return f"{FOLDER}.count_{snake(label)}"


def ids_query(label: str) -> str:
    """One page of ids of `label` in id order (:scalar list)."""
    return f"{FOLDER}.ids_{snake(label)}"


def export_query(label: str) -> str:
    """Labels and properties of the `label` nodes with given ids."""
    return f"{FOLDER}.export_{snake(label)}"


def create_query(label: str) -> str:
    """Create `label` nodes from rows of property maps."""
    return f"{FOLDER}.create_{snake(label)}"


def rels_query(key: EdgeKey) -> str:
    """The relationships of one (start, type, end) leaving the start nodes with given ids."""
    source, rel, target = key
    return f"{FOLDER}.rels_{snake(source)}_{rel.lower()}_{snake(target)}"


def link_query(key: EdgeKey) -> str:
    """Create relationships of one (start, type, end) from rows [start id, end id, props]."""
    source, rel, target = key
    return f"{FOLDER}.link_{snake(source)}_{rel.lower()}_{snake(target)}"


def _file(name: str, kind: str, doc: str, body: str) -> str:
    return f"// name: {name.rsplit('.', 1)[1]} :{kind}\n// {doc}\n{NOTE}{body}"


def statements() -> dict[str, str]:
    """Every generated file, by file name → text."""
    files: dict[str, str] = {}

    def add(name: str, kind: str, doc: str, body: str) -> None:
        files[name.rsplit(".", 1)[1] + ".cypher"] = _file(name, kind, doc, body)

    for label in LABELS:
        add(
            count_query(label),
            "scalar",
            f"How many {label} nodes the graph holds.",
            f"MATCH (n:{label})\nRETURN count(n) AS n\n",
        )
        add(
            ids_query(label),
            "scalar",
            f"One page of {label} ids in id order (SKIP $skip, LIMIT $page).",
            f"MATCH (n:{label})\nWITH n.id AS id ORDER BY id SKIP $skip LIMIT $page\n"
            "RETURN collect(id) AS ids\n",
        )
        add(
            export_query(label),
            "many",
            f"The {label} nodes with the given $ids: labels and every property.",
            f"UNWIND $ids AS id\nMATCH (n:{label} {{id: id}})\n"
            "RETURN labels(n) AS labels, properties(n) AS props\n",
        )
        verb = "MERGE" if label in MERGED_LABELS else "CREATE"
        pattern = f"(n:{label} {{id: row.id}})" if label in MERGED_LABELS else f"(n:{label})"
        add(
            create_query(label),
            "write",
            f"Create {label} nodes from $rows, one map of every property per node.",
            f"UNWIND $rows AS row\n{verb} {pattern}\nSET n = row\nRETURN count(n) AS created\n",
        )
    for key in RELATIONSHIPS:
        source, rel, target = key
        add(
            rels_query(key),
            "many",
            f"The ({source})-[:{rel}]->({target}) relationships of the {source} nodes with the "
            "given $ids.",
            f"UNWIND $ids AS id\nMATCH (n:{source} {{id: id}})-[r:{rel}]->(m:{target})\n"
            "RETURN n.id AS source, m.id AS target, properties(r) AS props\n",
        )
        add(
            link_query(key),
            "write",
            f"Create ({source})-[:{rel}]->({target}) from $rows of [start id, end id, props].",
            f"UNWIND $rows AS row\nMATCH (a:{source} {{id: row[0]}})\n"
            f"MATCH (b:{target} {{id: row[1]}})\nCREATE (a)-[r:{rel}]->(b)\nSET r = row[2]\n"
            "RETURN count(r) AS created\n",
        )
    return files


def write(directory: Path) -> int:
    """Make `directory` hold exactly the generated files; return how many there are."""
    directory.mkdir(parents=True, exist_ok=True)
    files = statements()
    for stale in directory.glob("*.cypher"):
        if stale.name not in files:
            stale.unlink()
    for name, text in files.items():
        path = directory / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
    return len(files)


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("cypher") / FOLDER
    print(f"{write(target)} generated statements in {target}")
