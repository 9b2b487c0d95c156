"""Backup and restore: the whole graph as one versioned JSON-lines file.

Layout of a backup file (UTF-8, one JSON value per line, keys sorted, no spaces):

1. header   {"created": ..., "engine": ..., "format": "graphsvc-backup", "schema": 1, "version": 1}
2. nodes    {"label": "Actor", "props": {...every property...}}          by label, then id
3. rels     {"from": ["Case", id], "props": {...}, "to": ["Offer", id], "type": "LINKED_TO"}
            by the start node's label and id, then type, end label, end id, properties
4. trailer  {"end": true, "nodes": N, "relationships": M}

Only the header says where and when the file was made; everything after it depends on the
data alone, so a round trip (export → import anywhere → export) gives the same lines 2..n.

Labels cannot be parameters, so every label and relationship the backup knows has its own
generated query in cypher/backup/ (see `query_files`; a test keeps files and code in step).
Export pages through each label by id (keyset pagination), so memory stays flat; the
relationships are spooled to a temporary file and appended after the nodes.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import json
import tempfile
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from ..domain.bundle import EDGE_TYPES, EdgeKey
from ..graph import Graph
from ..graph.schema import LABELS, VERSION
from .loading import _snake

FORMAT = "graphsvc-backup"
FORMAT_VERSION = 1
# Labels and relationships written by feature code rather than the bulk loader.
EXTRA_LABELS = ("Meta", "DirectoryChange")
EXTRA_EDGES: tuple[EdgeKey, ...] = (
    ("DirectoryChange", "CHANGED", "Offer"),
    ("DirectoryChange", "CHANGED", "Actor"),
    ("ClientMatch", "CONCERNS", "Case"),
)
BACKUP_LABELS: tuple[str, ...] = tuple(sorted({*LABELS, *EXTRA_LABELS}))
BACKUP_EDGES: tuple[EdgeKey, ...] = tuple(sorted({*EDGE_TYPES, *EXTRA_EDGES}))
PAGE = 5000
AHEAD = 2  # pages fetched ahead of the writer (memory: AHEAD + 1 pages)
BATCH = 5000

Progress = Callable[[int], None]


class BackupError(Exception):
    """The backup cannot be written or read; the message says why (and where)."""


_dumps = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode


def edge_name(key: EdgeKey) -> str:
    """The name part of the link query for one (from, type, to)."""
    source, rel, target = key
    return f"link_{_snake(source)}_{rel.lower()}_{_snake(target)}"


def export_edge_name(key: EdgeKey) -> str:
    """The name part of the export query for one (from, type, to)."""
    source, rel, target = key
    return f"rels_{_snake(source)}_{rel.lower()}_{_snake(target)}"


# --- the generated query files -------------------------------------------------------------


def query_files() -> dict[str, str]:
    """Every cypher/backup/*.cypher file the backup needs, by file name → text."""
    files: dict[str, str] = {}
    for label in BACKUP_LABELS:
        snake = _snake(label)
        files[f"count_{snake}.cypher"] = (
            f"// name: count_{snake} :scalar\n"
            f"// How many {label} nodes the graph holds.\n"
            f"MATCH (n:{label})\n"
            "RETURN count(n) AS n\n"
        )
        files[f"ids_{snake}.cypher"] = (
            f"// name: ids_{snake} :scalar\n"
            f"// One page of {label} ids in id order (SKIP $skip, LIMIT $page).\n"
            f"MATCH (n:{label})\n"
            "WITH n.id AS id ORDER BY id SKIP $skip LIMIT $page\n"
            "RETURN collect(id) AS ids\n"
        )
        files[f"export_{snake}.cypher"] = (
            f"// name: export_{snake} :many\n"
            f"// The {label} nodes with the given $ids: labels and every property.\n"
            "UNWIND $ids AS id\n"
            f"MATCH (n:{label} {{id: id}})\n"
            "RETURN labels(n) AS labels, properties(n) AS props\n"
        )
        if label == "Meta":
            body = "MERGE (n:Meta {id: row.id})\nSET n = row\n"
        else:
            body = f"CREATE (n:{label})\nSET n = row\n"
        files[f"create_{snake}.cypher"] = (
            f"// name: create_{snake} :write\n"
            f"// Restore {label} nodes from $rows, one map of every property per node.\n"
            f"UNWIND $rows AS row\n{body}RETURN count(n) AS created\n"
        )
    for key in BACKUP_EDGES:
        source, rel, target = key
        name = edge_name(key)
        files[f"{export_edge_name(key)}.cypher"] = (
            f"// name: {export_edge_name(key)} :many\n"
            f"// The ({source})-[:{rel}]->({target}) relationships of the {source} nodes with "
            "the given $ids.\n"
            "UNWIND $ids AS id\n"
            f"MATCH (n:{source} {{id: id}})-[r:{rel}]->(m:{target})\n"
            "RETURN n.id AS source, m.id AS target, properties(r) AS props\n"
        )
        files[f"{name}.cypher"] = (
            f"// name: {name} :write\n"
            f"// Restore ({source})-[:{rel}]->({target}) from $rows [from, to, props].\n"
            "UNWIND $rows AS row\n"
            f"MATCH (a:{source} {{id: row[0]}})\n"
            f"MATCH (b:{target} {{id: row[1]}})\n"
            f"CREATE (a)-[r:{rel}]->(b)\n"
            "SET r = row[2]\n"
            "RETURN count(r) AS created\n"
        )
    return files


GENERATED_PREFIXES = ("ids_", "export_", "create_", "link_", "rels_")


def write_query_files(directory: Path) -> list[Path]:
    """(Re)write the generated query files; used when a label or relationship is added."""
    directory.mkdir(parents=True, exist_ok=True)
    files = query_files()
    for stale in directory.glob("*.cypher"):
        # Drop generated files the code no longer uses; count_nodes etc. are hand-written.
        if stale.name not in files and stale.name.startswith(GENERATED_PREFIXES):
            stale.unlink()
    written = []
    for name, text in files.items():
        path = directory / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


# --- export --------------------------------------------------------------------------------


@dataclass
class ExportResult:
    nodes: int = 0
    relationships: int = 0
    seconds: float = 0.0


def header(graph: Graph) -> dict[str, Any]:
    """The first line: format, versions and provenance (the only line that may differ)."""
    created = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "schema": VERSION,
        "engine": graph.dialect,
        "created": created,
    }


def counts(graph: Graph) -> tuple[int, int]:
    """How many nodes and relationships the graph holds."""
    return graph.query("backup.count_nodes"), graph.query("backup.count_relationships")


@contextlib.contextmanager
def without_cycle_collector() -> Iterator[None]:
    """Pause Python's cycle collector while millions of rows are decoded.

    Every decoded row allocates a handful of containers, so the collector ran again and
    again over all live pages: at nrw scale it took three quarters of the export's CPU time
    (61 s → 15 s without it, measured). The rows hold no reference cycles, so reference
    counting alone frees them and memory stays flat.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def export(graph: Graph, out: IO[str], progress: Progress | None = None) -> ExportResult:
    """Write the whole graph to `out` (a text stream); refuse if anything would be left out."""
    with without_cycle_collector():
        return _export(graph, out, progress)


def _export(graph: Graph, out: IO[str], progress: Progress | None) -> ExportResult:
    import time

    started = time.perf_counter()
    result = ExportResult()
    expect_nodes, expect_rels = counts(graph)
    out.write(_dumps(header(graph)) + "\n")
    with tempfile.TemporaryFile("w+", encoding="utf-8") as spool:
        for label, rows, rels in _pages(graph):
            rows.sort(key=lambda row: row["props"].get("id") or "")
            try:
                outgoing = _relationship_lines(label, rels)
            except TypeError:
                raise BackupError(
                    f"a relationship of a {label} node has an end without text id"
                ) from None
            node_head = '{"label":' + _dumps(label) + ',"props":'
            for row in rows:
                props = row["props"]
                node_id = props.get("id")
                if row["labels"] != [label] or not isinstance(node_id, str):
                    raise BackupError(
                        f"node {node_id!r} has labels {row['labels']}: "
                        "a backup needs exactly one known label and a text id per node"
                    )
                out.write(node_head + _dumps(props) + "}\n")
                lines = outgoing.pop(node_id, ())
                for line in sorted(lines):
                    spool.write(line[3] + "\n")
                result.relationships += len(lines)
            result.nodes += len(rows)
            if progress:
                progress(len(rows) + sum(map(len, rels.values())))
        if (result.nodes, result.relationships) != (expect_nodes, expect_rels):
            raise BackupError(
                f"the graph holds {expect_nodes} nodes and {expect_rels} relationships but "
                f"{result.nodes} and {result.relationships} were exported: a label or "
                "relationship outside the backup's lists (schema.LABELS, bundle.EDGE_TYPES, "
                "backup.EXTRA_*), a node without id, or the graph changed meanwhile"
            )
        spool.seek(0)
        for line in spool:
            out.write(line)
    out.write(
        _dumps({"end": True, "nodes": result.nodes, "relationships": result.relationships}) + "\n"
    )
    result.seconds = time.perf_counter() - started
    return result


_text = json.encoder.encode_basestring  # what _dumps does with a str, minus the overhead
Outgoing = dict[str, list[tuple[str, str, str, str]]]


def _relationship_lines(label: str, rels: dict[EdgeKey, list[dict[str, Any]]]) -> Outgoing:
    """The file lines of one page's relationships, by start id, with their sort keys.

    The lines are put together from pre-encoded pieces: the same bytes as _dumps of the
    whole map (keys in sorted order: from, props, to, type), at a fraction of the cost
    for 1.3 M relationships. A non-text id raises TypeError.
    """
    outgoing: Outgoing = {}
    for (_, rel_type, end_label), rows in rels.items():
        head = '{"from":[' + _dumps(label) + ","
        to = ',"to":[' + _dumps(end_label) + ","
        tail = '],"type":' + _dumps(rel_type) + "}"
        for r in rows:
            source, target, props = r["source"], r["target"], r["props"]
            line = (
                f'{head}{_text(source)}],"props":{_dumps(props) if props else "{}"}'
                f"{to}{_text(target)}{tail}"
            )
            outgoing.setdefault(source, []).append((rel_type, end_label, target, line))
    return outgoing


Page = tuple[str, list[dict[str, Any]], dict[EdgeKey, list[dict[str, Any]]]]


def _pages(graph: Graph) -> Iterator[Page]:
    """Every label's pages in order; the next pages are fetched while one is written.

    Relationships come from one query per (start label, type, end label): rows of two ids
    and the properties decode at about half the cost of rows that also carry the type and
    end label (measured at nrw scale, see README).
    """
    jobs = (
        (label, skip)
        for label in BACKUP_LABELS
        for skip in range(0, graph.query(f"backup.count_{_snake(label)}") or 0, PAGE)
    )

    def fetch(job: tuple[str, int]) -> tuple[list[dict[str, Any]], dict[EdgeKey, list]]:
        label, skip = job
        snake = _snake(label)
        ids = graph.query(f"backup.ids_{snake}", skip=skip, page=PAGE) or []
        rels = {
            key: graph.query(f"backup.{export_edge_name(key)}", ids=ids)
            for key in BACKUP_EDGES
            if key[0] == label
        }
        return graph.query(f"backup.export_{snake}", ids=ids), rels

    with ThreadPoolExecutor(max_workers=AHEAD) as pool:
        pending: deque = deque()
        for job in jobs:
            pending.append((job[0], pool.submit(fetch, job)))
            if len(pending) > AHEAD:
                label, future = pending.popleft()
                yield (label, *future.result())
        while pending:
            label, future = pending.popleft()
            yield (label, *future.result())


def export_file(graph: Graph, path: Path, progress: Progress | None = None) -> ExportResult:
    """Export into `path`, written beside it first and renamed, so no half file remains."""
    partial = path.with_name(path.name + ".partial")
    try:
        with partial.open("w", encoding="utf-8", newline="\n") as out:
            result = export(graph, out, progress)
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)
    return result


# --- import --------------------------------------------------------------------------------


@dataclass
class Plan:
    """What a checked backup file holds."""

    header: dict[str, Any]
    nodes: dict[str, int] = field(default_factory=dict)
    relationships: dict[EdgeKey, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.nodes.values()) + sum(self.relationships.values())


def _lines(source: IO[str]) -> Iterator[tuple[int, dict[str, Any]]]:
    for number, line in enumerate(source, start=1):
        try:
            value = json.loads(line)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise BackupError(f"line {number}: not a JSON value ({exc})") from None
        if not isinstance(value, dict):
            raise BackupError(f"line {number}: expected a JSON object")
        yield number, value


def _check_header(value: dict[str, Any]) -> None:
    if value.get("format") != FORMAT:
        raise BackupError(f"line 1: not a graphsvc backup (format {value.get('format')!r})")
    if value.get("version") != FORMAT_VERSION:
        raise BackupError(
            f"line 1: backup format version {value.get('version')!r}; "
            f"this graphsvc reads version {FORMAT_VERSION}"
        )
    if value.get("schema") != VERSION:
        raise BackupError(
            f"line 1: the backup has schema version {value.get('schema')!r}, "
            f"this graphsvc uses {VERSION}"
        )


def check(source: IO[str]) -> Plan:
    """Read the whole file once and check it; nothing is written. Raises BackupError."""
    plan: Plan | None = None
    seen_rel = False
    ended = False
    node_total = rel_total = 0
    for number, value in _lines(source):
        if plan is None:
            _check_header(value)
            plan = Plan(header=value)
            continue
        if ended:
            raise BackupError(f"line {number}: content after the end line")
        if "end" in value:
            if (value.get("nodes"), value.get("relationships")) != (node_total, rel_total):
                raise BackupError(
                    f"line {number}: the end line counts {value.get('nodes')} nodes and "
                    f"{value.get('relationships')} relationships, the file holds "
                    f"{node_total} and {rel_total}"
                )
            ended = True
        elif "label" in value:
            label, props = value.get("label"), value.get("props")
            if seen_rel:
                raise BackupError(f"line {number}: a node after the relationships")
            if label not in BACKUP_LABELS:
                raise BackupError(f"line {number}: unknown label {label!r}")
            if not isinstance(props, dict) or not isinstance(props.get("id"), str):
                raise BackupError(f"line {number}: a node needs props with a text id")
            plan.nodes[label] = plan.nodes.get(label, 0) + 1
            node_total += 1
        elif "type" in value:
            seen_rel = True
            source_end, target_end = value.get("from"), value.get("to")
            if not (_end(source_end) and _end(target_end) and isinstance(value.get("props"), dict)):
                raise BackupError(f"line {number}: a relationship needs from, to and props")
            key = (source_end[0], value["type"], target_end[0])
            if key not in BACKUP_EDGES:
                raise BackupError(
                    f"line {number}: this graphsvc cannot restore "
                    f"({key[0]})-[:{key[1]}]->({key[2]}) relationships"
                )
            plan.relationships[key] = plan.relationships.get(key, 0) + 1
            rel_total += 1
        else:
            raise BackupError(f"line {number}: neither node, relationship nor end line")
    if plan is None:
        raise BackupError("the file is empty")
    if not ended:
        raise BackupError("the file has no end line: it is incomplete")
    return plan


def _end(value: Any) -> bool:
    return isinstance(value, list) and len(value) == 2 and all(isinstance(v, str) for v in value)


def is_empty(graph: Graph) -> bool:
    """Whether the graph holds nothing but the schema marker."""
    return graph.query("backup.count_data") == 0


def restore(graph: Graph, path: Path, progress: Progress | None = None) -> Plan:
    """Check the file, then load it into the empty graph; on failure the graph is emptied."""
    with path.open(encoding="utf-8") as source:
        try:
            plan = check(source)
        except UnicodeDecodeError as exc:
            raise BackupError(f"the file is not UTF-8 text ({exc.reason})") from None
    graph.apply_schema()  # also creates a graph that does not exist yet
    if not is_empty(graph):
        raise BackupError("the graph is not empty: restore only into an empty graph")
    try:
        with path.open(encoding="utf-8") as source, without_cycle_collector():
            _load(graph, source, progress)
    except Exception:
        graph.drop()
        graph.apply_schema()
        raise
    return plan


def _load(graph: Graph, source: IO[str], progress: Progress | None) -> None:
    nodes: dict[str, list[dict[str, Any]]] = {}
    edges: dict[EdgeKey, list[list[Any]]] = {}

    def flush_nodes(label: str) -> None:
        rows = nodes.pop(label, [])
        if rows:
            created = graph.query(f"backup.create_{_snake(label)}", rows=rows)[0]["created"]
            if created != len(rows):
                raise BackupError(f"{label}: wrote {created} of {len(rows)} nodes")
            if progress:
                progress(created)

    def flush_edges(key: EdgeKey) -> None:
        rows = edges.pop(key, [])
        if rows:
            created = graph.query(f"backup.{edge_name(key)}", rows=rows)[0]["created"]
            if created != len(rows):
                raise BackupError(
                    f"({key[0]})-[:{key[1]}]->({key[2]}): wrote {created} of {len(rows)} "
                    "(an end node is missing from the file)"
                )
            if progress:
                progress(created)

    for number, value in _lines(source):
        if number == 1 or "end" in value:
            continue
        if "label" in value:
            label = value["label"]
            bucket = nodes.setdefault(label, [])
            bucket.append(value["props"])
            if len(bucket) >= BATCH:
                flush_nodes(label)
        else:
            if nodes:
                for label in list(nodes):
                    flush_nodes(label)
            key = (value["from"][0], value["type"], value["to"][0])
            bucket_e = edges.setdefault(key, [])
            bucket_e.append([value["from"][1], value["to"][1], value["props"]])
            if len(bucket_e) >= BATCH:
                flush_edges(key)
    for label in list(nodes):
        flush_nodes(label)
    for key in list(edges):
        flush_edges(key)


# --- benchmarks (graphsvc bench) -----------------------------------------------------------


def _bench_export_page(graph: Graph, ids: dict[str, list[str]], rng: Any) -> Callable[[], Any]:
    """One export page: PAGE case ids, their nodes and outgoing relationships."""

    def step() -> Any:
        page = graph.query("backup.ids_case", skip=0, page=PAGE) or []
        return graph.query("backup.export_case", ids=page), [
            graph.query(f"backup.{export_edge_name(key)}", ids=page)
            for key in BACKUP_EDGES
            if key[0] == "Case"
        ]

    return step


def _bench_whole_export(graph: Graph, ids: dict[str, list[str]], rng: Any) -> Callable[[], Any]:
    """The whole `graphsvc export` of the bench graph into a temporary file, run once."""

    def step() -> Any:
        with tempfile.TemporaryDirectory() as directory:
            return export_file(graph, Path(directory) / "backup.jsonl")

    step.runs = 1  # type: ignore[attr-defined]  # 30-60 s at nrw scale: once is enough
    return step


def _bench_round_trip(graph: Graph, ids: dict[str, list[str]], rng: Any) -> Callable[[], Any]:
    """Export, restore into a fresh graph beside the bench graph, export again; the lines
    after the header must agree (the issue's round trip at nrw scale). Run once.

    Neo4j Community holds one database, so there the entry only checks that two exports of
    the same graph agree.
    """

    def step() -> Any:
        with tempfile.TemporaryDirectory() as directory:
            first, second = Path(directory) / "first.jsonl", Path(directory) / "second.jsonl"
            export_file(graph, first)
            if graph.dialect == "falkordb":
                with _scratch_graph(graph) as copy:
                    restore(copy, first)
                    export_file(copy, second)
            else:
                export_file(graph, second)
            if not same_content(first, second):
                raise BackupError(f"round trip: {second.name} differs from {first.name}")

    step.runs = 1  # type: ignore[attr-defined]
    return step


@contextlib.contextmanager
def _scratch_graph(graph: Graph) -> Iterator[Graph]:
    """An empty graph on the same FalkorDB server, dropped afterwards."""
    from ..config import from_env
    from ..graph import connect

    name = f"{graph.backend.graph_name}-round-trip"
    copy = connect(from_env().with_overrides(graph_name=name), graph.backend.url)
    copy.drop()
    try:
        yield copy
    finally:
        copy.drop()
        copy.close()


def same_content(first: Path, second: Path) -> bool:
    """Whether two backup files hold the same lines after their headers."""
    import itertools

    with first.open(encoding="utf-8") as a, second.open(encoding="utf-8") as b:
        next(a, None), next(b, None)
        return all(x == y for x, y in itertools.zip_longest(a, b))


def _bench_hsds_page(graph: Graph, ids: dict[str, list[str]], rng: Any) -> Callable[[], Any]:
    """One page of 50 HSDS services (the API's default page)."""
    from . import hsds

    return lambda: hsds.services_page(graph, page=rng.randint(1, 20), per_page=50)


BENCHMARKS = {
    "backup.export_page_5000_cases": _bench_export_page,
    "backup.export_whole_graph": _bench_whole_export,
    "backup.round_trip_whole_graph": _bench_round_trip,
    "hsds.services_page_50": _bench_hsds_page,
}
