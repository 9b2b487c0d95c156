"""Named queries: one statement per .cypher file under cypher/, loaded once at start.

`cypher/search/offers_for_needs.cypher` is the query `search.offers_for_needs`. Its first
line is the header `// name: offers_for_needs :many`, the next comment lines its doc.
Files under `cypher/neo4j/` and `cypher/falkordb/` replace the common file of the same
relative path for that engine. Loading fails loudly on a missing or wrong header, on a
dialect file that has no counterpart for the other engine, and on unknown kinds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ..resources import folder

KINDS = {"one", "many", "scalar", "write"}
DIALECTS = ("falkordb", "neo4j")
CYPHER_DIR = folder("cypher")
HEADER = re.compile(r"^//\s*name:\s*(?P<name>[a-z][a-z0-9_]*)\s+:(?P<kind>[a-z]+)\s*$")
PARAM = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")
COMMENT = re.compile(r"//[^\n]*")
STRING = re.compile(r"'(?:\\.|[^'\\])*'|\"(?:\\.|[^\"\\])*\"")


class QueryFileError(Exception):
    """A query file is malformed; the message names the file."""


@dataclass(frozen=True)
class Query:
    """One named statement with its kind and the parameters it uses."""

    name: str
    kind: str
    text: str
    doc: str
    params: frozenset[str]
    path: Path

    @property
    def writes(self) -> bool:
        """Whether the statement runs in a write transaction."""
        return self.kind == "write"


def parse(path: Path, name: str) -> Query:
    """Parse one .cypher file; `name` is the dotted name its path gives."""
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    match = HEADER.match(lines[0]) if lines else None
    if not match:
        raise QueryFileError(f"{path}: first line must be '// name: <name> :<kind>'")
    if match["name"] != name.rsplit(".", 1)[-1]:
        raise QueryFileError(f"{path}: header names {match['name']!r}, file name says {name!r}")
    if match["kind"] not in KINDS:
        raise QueryFileError(f"{path}: kind :{match['kind']} is not one of {sorted(KINDS)}")
    doc = " ".join(line.lstrip("/ ").strip() for line in lines[1:] if line.startswith("//")).strip()
    if not doc:
        raise QueryFileError(f"{path}: the header needs a one-line doc comment")
    body = STRING.sub("''", COMMENT.sub("", text))
    return Query(
        name=name,
        kind=match["kind"],
        text=text,
        doc=doc,
        params=frozenset(PARAM.findall(body)),
        path=path,
    )


def _dotted(relative: Path) -> str:
    return ".".join(relative.with_suffix("").parts)


@cache
def load(dialect: str, root: Path = CYPHER_DIR) -> dict[str, Query]:
    """All queries for one engine, by dotted name."""
    if dialect not in DIALECTS:
        raise QueryFileError(f"unknown dialect {dialect!r}")
    common = {
        _dotted(p.relative_to(root)): p
        for p in root.rglob("*.cypher")
        if p.relative_to(root).parts[0] not in DIALECTS
    }
    variants = {
        d: {_dotted(p.relative_to(root / d)): p for p in (root / d).rglob("*.cypher")}
        for d in DIALECTS
    }
    for d in DIALECTS:
        for name in variants[d]:
            others = [o for o in DIALECTS if o != d and name not in variants[o]]
            if name not in common and others:
                raise QueryFileError(
                    f"{variants[d][name]}: no common file and no {others[0]} variant of {name}"
                )
    chosen = {**common, **variants[dialect]}
    return {name: parse(path, name) for name, path in sorted(chosen.items())}
