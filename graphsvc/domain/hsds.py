"""Open Referral HSDS 3.0 coming in: read a feed in the shapes real feeds come in, check every
object against the schemas shipped in graphsvc/hsds_schema/, and map it to organisations and
offers, naming every field the graph has no place for.

Shapes read (one file, or a folder of them):
- JSON: a list of objects, the API's page `{"total_items": …, "contents": […]}`, or one
  object; an organization may nest its services, a service its organization, and a
  service_at_location its service and location;
- the tabular form: CSV files named as in `compiled/tabular.json`, listed by a
  `datapackage.json` (or found by those names without one).

Nothing here touches the database: the service (`services/hsds.py`) hands in what the
directory holds and writes the result in one statement.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from ..resources import folder
from . import clock, csvfile, model

SCHEMA_URL = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/"

# The lengths the directory's edit forms accept, so an imported offer stays editable; every
# other text of a feed is held to the longest of them.
TEXT_LIMITS = {
    "name": 200,
    "alternate_name": 200,
    "email": 200,
    "website": 300,
    "url": 300,
    "number": 60,
    "hours": 200,
}
TEXT_LIMIT = 4000
AGE_MAX = 120
VALUE_SHOWN = 200  # characters of an unmapped value the report shows

# Keys that only join objects to each other: the structure the mapping follows, not data.
JOINS = {"link_id", "link_type", "link_entity", "taxonomy_term_id", "taxonomy_id"}
WEEKDAYS = {"MO": "Mo", "TU": "Di", "WE": "Mi", "TH": "Do", "FR": "Fr", "SA": "Sa", "SU": "So"}
WAIT = re.compile(r"^\s*(\d{1,3})\s*(tage?|days?|d)?\s*$", re.IGNORECASE)
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
SURROGATE = re.compile(r"[\ud800-\udfff]")


# --- where a value sits, and what is wrong ---------------------------------------------------


@dataclass(frozen=True)
class Where:
    """A place in the feed: a JSON pointer inside a file, or a row (and column) of a CSV file."""

    file: str
    pointer: tuple[str | int, ...] = ()
    row: int | None = None

    def child(self, *keys: str | int) -> Where:
        """The place of a value below this one."""
        return Where(self.file, self.pointer + keys, self.row)

    def __str__(self) -> str:
        path = "".join("/" + str(k).replace("~", "~0").replace("/", "~1") for k in self.pointer)
        if self.row is not None:
            return f"{self.file}, row {self.row}" + (f", column {path[1:]}" if path else "")
        return f"{self.file}#{path}" if path else self.file


@dataclass
class Problem:
    """Why an object cannot be imported."""

    where: Where
    subject: str
    text: str

    def __str__(self) -> str:
        subject = f" ({self.subject})" if self.subject else ""
        return f"{self.where}{subject}: {self.text}"


class HsdsError(Exception):
    """The feed cannot be imported; `problems` lists every reason."""

    def __init__(self, problems: list[Problem]):
        super().__init__(f"{len(problems)} problems: " + "; ".join(map(str, problems[:5])))
        self.problems = problems


@dataclass
class Item:
    """One object of the feed, where it was found, and (for a service) the
    service_at_location objects it came in."""

    kind: str
    data: dict[str, Any]
    where: Where
    nested: bool = False  # an organization written inside a service: a copy, not the source
    parent: str | None = None  # a service nested in an organization: that organization's id
    locations: list[Item] = field(default_factory=list)

    @property
    def subject(self) -> str:
        return f"{self.kind} {str(self.data.get('id', ''))[:40]}".strip()


@dataclass
class Feed:
    """What was read: objects to check, the organizations and services to map, taxonomy
    terms by id, and the files or rows left unread (reported, never dropped silently)."""

    source: Path
    form: str = "json"
    checks: list[Item] = field(default_factory=list)
    organizations: list[Item] = field(default_factory=list)
    services: list[Item] = field(default_factory=list)
    terms: dict[str, dict[str, Any]] = field(default_factory=dict)
    unread: list[tuple[Where, str]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    origins: dict[int, Where] = field(default_factory=dict)  # CSV rows: id(row) → its row

    def __len__(self) -> int:
        return len(self.checks)


# --- the schemas -------------------------------------------------------------------------------


def schema_folder() -> Path:
    """The HSDS schemas shipped inside the package."""
    return folder("hsds_schema")


@cache
def _registry():
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT202012

    resources = []
    for path in sorted(schema_folder().glob("*.json")):
        if path.name != "openapi.json":
            contents = json.loads(path.read_text(encoding="utf-8"))
            resource = Resource.from_contents(contents, default_specification=DRAFT202012)
            resources.append((SCHEMA_URL + path.name, resource))
    return Registry().with_resources(resources)


@cache
def validator(kind: str):
    """A validator for one HSDS object (`service`, `organization`, `phone`, …), with the
    references between the schemas resolved inside the package and formats checked (ids
    are UUIDs)."""
    import jsonschema

    return jsonschema.Draft202012Validator(
        {"$ref": SCHEMA_URL + f"{kind}.json"},
        registry=_registry(),
        format_checker=jsonschema.FormatChecker(),
    )


@cache
def tabular() -> dict[str, dict[str, Any]]:
    """The tables of the tabular form in their order: name → schema (with its file `path`)."""
    spec = json.loads((schema_folder() / "compiled" / "tabular.json").read_text("utf-8"))
    tables = {name: value["items"] for name, value in spec["properties"].items()}
    return dict(sorted(tables.items(), key=lambda t: t[1]["datapackage_metadata"]["order"]))


def columns(table: str) -> list[str]:
    """The one-to-one fields of a table, in the specification's order (its CSV columns)."""
    return [
        name
        for name, spec in tabular()[table]["properties"].items()
        if spec.get("type") not in ("array", "object") and "$ref" not in spec
    ]


# --- reading ---------------------------------------------------------------------------------


def _kind_from_name(stem: str) -> str | None:
    stem = stem.lower()
    if "service_at_location" in stem:
        return "service_at_location"
    if "taxonomy_term" in stem:
        return "taxonomy_term"
    for prefix, kind in (
        ("service", "service"),
        ("organi", "organization"),
        ("taxonom", "taxonomy"),
    ):
        if stem.startswith(prefix):
            return kind
    return None


def _guess_kind(obj: dict[str, Any]) -> str:
    if isinstance(obj.get("service"), dict):
        return "service_at_location"
    if any(key in obj for key in ("status", "organization_id", "organization")):
        return "service"
    return "organization"


def read_feed(source: Path) -> Feed:
    """Read an HSDS feed (a file or a folder) into objects; raise HsdsError when nothing in
    it is HSDS data or a file cannot be read."""
    feed = Feed(source)
    if source.is_dir():
        _read_folder(source, feed)
    elif source.name == "datapackage.json":
        _read_folder(source.parent, feed)
    elif source.suffix.lower() == ".csv":
        table = _table_for(source.name)
        if table is None:
            feed.problems.append(Problem(Where(source.name), "", _not_a_table()))
        else:
            _read_tabular([(source, table)], feed)
    else:
        _read_json(source, feed)
    if not feed.problems and not feed.checks:
        feed.problems.append(
            Problem(
                Where(source.name or str(source)),
                "",
                "no HSDS data found: expected organizations or services as JSON (a list, a "
                "page with 'contents', or one object) or the tabular form (CSV files such as "
                "organizations.csv and services.csv, listed in a datapackage.json)",
            )
        )
    if feed.problems:
        raise HsdsError(feed.problems)
    _link(feed)
    return feed


def _not_a_table() -> str:
    names = ", ".join(spec["path"] for spec in tabular().values())
    return f"not a table of the HSDS tabular form (file names: {names})"


def _table_for(name: str) -> str | None:
    for table, spec in tabular().items():
        if name in (spec["path"], f"{table}.csv"):
            return table
    return None


def _read_folder(directory: Path, feed: Feed) -> None:
    descriptor = directory / "datapackage.json"
    if descriptor.exists():
        where = Where("datapackage.json")
        try:
            package = json.loads(descriptor.read_text(encoding="utf-8"))
            resources = package["resources"]
            paths = [str(r["path"]) for r in resources]
        except (ValueError, KeyError, TypeError) as exc:
            feed.problems.append(Problem(where, "", f"not a data package descriptor ({exc})"))
            return
        listed: list[Path] = []
        for index, name in enumerate(paths):
            path = directory / name
            if Path(name).is_absolute() or ".." in Path(name).parts or not path.is_file():
                feed.problems.append(
                    Problem(where.child("resources", index, "path"), "", f"no file {name!r}")
                )
            else:
                listed.append(path)
        csvs = [p for p in listed if p.suffix.lower() == ".csv"]
        jsons = [p for p in listed if p.suffix.lower() == ".json"]
        if not csvs and not jsons and not feed.problems:
            feed.problems.append(Problem(where, "", "lists no CSV or JSON resource"))
    else:
        csvs = sorted(directory.glob("*.csv"))
        jsons = sorted(directory.glob("*.json"))
        listed = [*jsons, *csvs]
        if jsons and csvs:  # two forms of the same data: read the richer one
            for path in csvs:
                feed.unread.append((Where(path.name), "not read: the folder's JSON files were"))
            csvs = []
    if csvs:
        feed.form = "tabular"
        tables = []
        for path in csvs:
            table = _table_for(path.name)
            if table is None:
                feed.problems.append(Problem(Where(path.name), "", _not_a_table()))
            else:
                tables.append((path, table))
        _read_tabular(tables, feed)
        for path in jsons:
            feed.unread.append((Where(path.name), "not read: the tabular form was"))
        return
    for path in jsons:
        _read_json(path, feed)
    for path in sorted(set(directory.iterdir()) - set(listed) - {descriptor}):
        if path.is_file() and path.suffix.lower() in (".json", ".csv"):
            feed.unread.append((Where(path.name), "not read: not listed in datapackage.json"))


def _read_json(path: Path, feed: Feed) -> None:
    where = Where(path.name)
    try:
        value = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        feed.problems.append(Problem(where, "", "no such file"))
        return
    except UnicodeDecodeError as exc:
        feed.problems.append(Problem(where, "", f"not UTF-8 text (byte {exc.start})"))
        return
    except json.JSONDecodeError as exc:
        feed.problems.append(
            Problem(where, "", f"not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})")
        )
        return
    except RecursionError:
        feed.problems.append(Problem(where, "", "not valid JSON: nested too deeply"))
        return
    hint = _kind_from_name(path.stem)
    entries: list[tuple[tuple[str | int, ...], Any]]
    if isinstance(value, list):
        entries = [((i,), v) for i, v in enumerate(value)]
    elif isinstance(value, dict) and isinstance(value.get("contents"), list):
        entries = [(("contents", i), v) for i, v in enumerate(value["contents"])]
        total = value.get("total_items")
        if isinstance(total, int) and total > len(entries) and value.get("total_pages") != 1:
            if not (isinstance(value.get("total_pages"), int) and _pages_complete(path, value)):
                feed.problems.append(
                    Problem(
                        where.child("total_items"),
                        "",
                        f"this page holds {len(entries)} of {total} items: put every page of "
                        "the list into the folder",
                    )
                )
    elif isinstance(value, dict) and "id" in value:
        entries = [((), value)]
    else:
        feed.problems.append(
            Problem(
                where,
                "",
                "not HSDS JSON: expected a list of objects, a page with 'contents' or one "
                "object with an 'id'",
            )
        )
        return
    for pointer, obj in entries:
        at = Where(path.name, pointer)
        if not isinstance(obj, dict):
            feed.problems.append(Problem(at, "", "expected an object"))
            continue
        _add_object(feed, hint or _guess_kind(obj), obj, at)


def _pages_complete(path: Path, page: dict[str, Any]) -> bool:
    """Whether the folder holds as many items of this list as its pages say in all."""
    kind = _kind_from_name(path.stem)
    held = 0
    for other in path.parent.glob("*.json"):
        if _kind_from_name(other.stem) != kind:
            continue
        try:
            value = json.loads(other.read_text(encoding="utf-8"))
        except (ValueError, RecursionError):
            return False
        if isinstance(value, dict) and isinstance(value.get("contents"), list):
            held += len(value["contents"])
    return held >= page["total_items"]


def _add_object(feed: Feed, kind: str, obj: dict[str, Any], at: Where) -> None:
    item = Item(kind, obj, at)
    feed.checks.append(item)
    if kind == "organization":
        feed.organizations.append(item)
        services = obj.get("services")
        if isinstance(services, list):
            for index, svc in enumerate(services):
                if isinstance(svc, dict):
                    nested = Item("service", svc, at.child("services", index), parent=obj.get("id"))
                    feed.checks.append(nested)
                    feed.services.append(nested)
    elif kind == "service":
        feed.services.append(item)
        _nested_organization(feed, obj, at)
    elif kind == "service_at_location":
        svc = obj.get("service")
        if isinstance(svc, dict):
            service = Item("service", svc, at.child("service"), locations=[item])
            feed.checks.append(service)
            feed.services.append(service)
            _nested_organization(feed, svc, at.child("service"))
        else:
            feed.problems.append(
                Problem(at, item.subject, "a service_at_location needs its service to import")
            )
    elif kind == "taxonomy_term":
        if isinstance(obj.get("id"), str):
            feed.terms[obj["id"]] = obj
    # taxonomies are checked, and need no mapping: terms carry what the graph uses


def _nested_organization(feed: Feed, svc: dict[str, Any], at: Where) -> None:
    org = svc.get("organization")
    if isinstance(org, dict) and org.get("id"):
        feed.organizations.append(Item("organization", org, at.child("organization"), nested=True))


# --- the tabular form --------------------------------------------------------------------------

# Where the rows of a table belong: (column, parent table, list in the parent).
CHILDREN: dict[str, list[tuple[str, str, str]]] = {
    "phone": [
        ("service_id", "service", "phones"),
        ("organization_id", "organization", "phones"),
        ("location_id", "location", "phones"),
        ("contact_id", "contact", "phones"),
        ("service_at_location_id", "service_at_location", "phones"),
    ],
    "contact": [
        ("service_id", "service", "contacts"),
        ("organization_id", "organization", "contacts"),
        ("location_id", "location", "contacts"),
        ("service_at_location_id", "service_at_location", "contacts"),
    ],
    "schedule": [
        ("service_id", "service", "schedules"),
        ("location_id", "location", "schedules"),
        ("service_at_location_id", "service_at_location", "schedules"),
    ],
    "language": [
        ("service_id", "service", "languages"),
        ("location_id", "location", "languages"),
        ("phone_id", "phone", "languages"),
    ],
    "service_area": [("service_id", "service", "service_areas")],
    "address": [("location_id", "location", "addresses")],
    "location": [("organization_id", "organization", "locations")],
    "service_at_location": [("service_id", "service", "service_at_locations")],
    "funding": [
        ("service_id", "service", "funding"),
        ("organization_id", "organization", "funding"),
    ],
    "cost_option": [("service_id", "service", "cost_options")],
    "required_document": [("service_id", "service", "required_documents")],
    "accessibility": [("location_id", "location", "accessibility")],
    "program": [("organization_id", "organization", "programs")],
    "organization_identifier": [("organization_id", "organization", "organization_identifiers")],
}


def _typed(cell: str, spec: dict[str, Any]) -> Any:
    """A CSV cell as the value its column's schema wants; what does not convert stays text
    and fails the check with its place."""
    if cell.startswith("'="):
        cell = cell[1:]  # the export's guard against spreadsheet formulas, undone
    kind = spec.get("type")
    if kind in ("number", "integer"):
        try:
            number = float(cell)
        except ValueError:
            return cell
        return int(number) if number.is_integer() and "." not in cell else number
    if kind == "boolean" and cell.lower() in ("true", "false"):
        return cell.lower() == "true"
    return cell


def _read_tabular(files: list[tuple[Path, str]], feed: Feed) -> None:
    feed.form = "tabular"
    rows: dict[str, list[dict[str, Any]]] = {table: [] for table in tabular()}
    for path, table in files:
        properties = tabular()[table]["properties"]
        try:
            with path.open(encoding="utf-8-sig", newline="") as source:
                reader = csv.reader(source)
                header = next(reader, [])
                seen = [h for i, h in enumerate(header) if h in header[:i]]
                if seen:
                    feed.problems.append(
                        Problem(Where(path.name, (), 1), "", f"column {seen[0]!r} appears twice")
                    )
                    continue
                for line, cells in enumerate(reader, start=2):
                    if not any(cells):
                        continue
                    at = Where(path.name, (), line)
                    if len(cells) > len(header):
                        feed.problems.append(Problem(at, "", "more cells than columns"))
                        continue
                    row = {
                        name: _typed(csvfile.unquoted(cell), properties.get(name, {}))
                        for name, cell in zip(header, cells, strict=False)
                        if cell != ""
                    }
                    feed.origins[id(row)] = at
                    rows[table].append(row)
        except UnicodeDecodeError as exc:
            feed.problems.append(
                Problem(Where(path.name), "", f"not UTF-8 text (byte {exc.start})")
            )
        except csv.Error as exc:
            feed.problems.append(Problem(Where(path.name), "", f"not a CSV file ({exc})"))
    if feed.problems:
        return
    by_id: dict[str, dict[str, dict[str, Any]]] = {
        table: {str(r["id"]): r for r in table_rows if "id" in r}
        for table, table_rows in rows.items()
    }
    for table, table_rows in rows.items():
        for row in table_rows:
            item = Item(table, row, feed.origins[id(row)])
            feed.checks.append(item)
            missing = [c for c in tabular()[table].get("tabular_required", []) if not row.get(c)]
            for column in missing:
                feed.problems.append(
                    Problem(item.where.child(column), item.subject, f"'{column}' is required")
                )
            if table == "organization":
                feed.organizations.append(item)
            elif table == "service":
                feed.services.append(item)
            elif table == "taxonomy_term":
                feed.terms[str(row.get("id"))] = row
            elif table == "attribute":
                _attach_attribute(row, by_id, feed)
            elif table == "metadata":
                _attach(row, "resource_id", by_id, feed, "metadata")
            elif table in CHILDREN:
                _attach_child(table, row, by_id, feed)
            else:  # meta_table_description, taxonomy: nothing in the graph to hold them
                if table != "taxonomy":
                    feed.unread.append((item.where, "not imported: table " + table))
    for sal in rows["service_at_location"]:
        location = by_id["location"].get(str(sal.get("location_id")))
        if location is not None:
            sal["location"] = location


def _attach_child(table: str, row: dict[str, Any], by_id, feed: Feed) -> None:
    for column, parent_table, key in CHILDREN[table]:
        parent = by_id[parent_table].get(str(row.get(column)))
        if row.get(column) is not None and parent is not None:
            parent.setdefault(key, []).append(row)
            return
    if table != "location":  # a location may stand alone, reached through service_at_location
        feed.unread.append((feed.origins[id(row)], f"not imported: {table} of no known object"))


def _attach_attribute(row: dict[str, Any], by_id, feed: Feed) -> None:
    term = feed.terms.get(str(row.get("taxonomy_term_id"))) or by_id["taxonomy_term"].get(
        str(row.get("taxonomy_term_id"))
    )
    if term is not None:
        row["taxonomy_term"] = term
    entity = str(row.get("link_entity") or "")
    parent = by_id.get(entity, {}).get(str(row.get("link_id")))
    if parent is None:
        feed.unread.append((feed.origins[id(row)], "not imported: attribute of no known object"))
        return
    parent.setdefault("attributes", []).append(row)


def _attach(row: dict[str, Any], column: str, by_id, feed: Feed, key: str) -> None:
    for table_rows in by_id.values():
        parent = table_rows.get(str(row.get(column)))
        if parent is not None:
            parent.setdefault(key, []).append(row)
            return
    feed.unread.append((feed.origins[id(row)], f"not imported: {key} of no known object"))


# --- checking ----------------------------------------------------------------------------------


def _link(feed: Feed) -> None:
    """Services that came in several service_at_location objects become one service."""
    merged: dict[str, Item] = {}
    services = []
    for item in feed.services:
        sid = item.data.get("id")
        first = merged.get(sid) if isinstance(sid, str) else None
        if first is not None and item.locations and first.locations:
            first.locations += item.locations
            continue
        if isinstance(sid, str):
            merged.setdefault(sid, item)
        services.append(item)
    feed.services = services


def check(feed: Feed, progress: Callable[[int], Any] | None = None) -> list[Problem]:
    """Every problem of the feed: schema errors with their place, texts too long or with
    control characters, duplicate ids. `progress(1)` after each object."""
    problems: list[Problem] = []
    for item in feed.checks:
        schema = validator(item.kind)
        data = item.data
        if item.where.row is not None:  # rows attached from other tables are checked there
            data = {k: v for k, v in data.items() if k not in CHILD_KEYS or isinstance(v, str)}
        for error in sorted(
            schema.iter_errors(data), key=lambda e: [str(p) for p in e.absolute_path]
        ):
            where = item.where.child(*error.absolute_path)
            problems.append(Problem(where, item.subject, _message(error)))
        for where, text in _texts(item.data, item.where, feed):
            problems.append(Problem(where, item.subject, text))
        if progress:
            progress(1)
    for items in ([i for i in feed.organizations if not i.nested], feed.services):
        first: dict[str, Item] = {}
        for item in items:
            key = item.data.get("id")
            if not isinstance(key, str):
                continue
            if key in first:
                problems.append(
                    Problem(
                        item.where.child("id"),
                        item.subject,
                        f"duplicate id: also at {first[key].where}",
                    )
                )
            else:
                first[key] = item
    return problems


def _message(error) -> str:
    text = error.message
    if len(text) > 300:
        text = text[:300] + "…"
    return text


def _texts(value: Any, where: Where, feed: Feed) -> Iterator[tuple[Where, str]]:
    """Texts too long for the directory, or holding characters the graph refuses."""
    if isinstance(value, dict):
        origin = feed.origins.get(id(value))
        base = origin or where
        for key, item in value.items():
            if origin is not None and key in CHILD_KEYS and isinstance(item, list | dict):
                continue  # rows attached from other tables are checked where they stand
            yield from _texts(item, base.child(key), feed)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _texts(item, where.child(index), feed)
    elif isinstance(value, str):
        key = where.pointer[-1] if where.pointer else ""
        limit = TEXT_LIMITS.get(str(key), TEXT_LIMIT)
        if len(value) > limit:
            yield where, f"text of {len(value)} characters: at most {limit}"
        if CONTROL.search(value):
            yield where, "text contains a control character"
        if SURROGATE.search(value):
            yield where, "text contains an unpaired surrogate (not Unicode text)"


CHILD_KEYS = {key for links in CHILDREN.values() for _, _, key in links} | {
    "attributes",
    "metadata",
    "location",
    "taxonomy_term",
}


# --- mapping -----------------------------------------------------------------------------------


@dataclass
class Directory:
    """What the graph holds that an import is matched against."""

    municipality_id: str
    vocab: dict[str, dict[str, str]]  # lower-cased id or name → id, per taxonomy
    actors: dict[str, dict[str, Any]]  # HSDS id → {id, municipality_id}
    offers: dict[str, str]  # HSDS id → offer id
    taken_ids: set[str]  # offer and actor ids in use


@dataclass
class Plan:
    """What an import writes, and every value it leaves out, with its place."""

    actors: list[dict[str, Any]] = field(default_factory=list)
    rows: list[dict[str, Any]] = field(default_factory=list)
    unmapped: list[tuple[str, str]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    updated: int = 0  # offers the directory already held

    def summary(self) -> dict[str, int]:
        """Counts for the audit trail and the command's answer."""
        return {
            "organizations": len(self.actors),
            "services": len(self.rows),
            "updated": self.updated,
            "unmapped": len(self.unmapped),
        }


class _Used:
    """The places a mapping read, so everything else can be reported."""

    def __init__(self, feed: Feed):
        self.feed = feed
        self.places: set[tuple[int, str]] = set()
        self.wholes: set[int] = set()  # objects the graph holds as a whole (a matched term)
        self.visited: set[int] = set()

    def take(self, obj: dict[str, Any], *keys: str) -> None:
        """Mark values of obj as read (lists and objects below are still walked)."""
        for key in keys:
            self.places.add((id(obj), key))

    def whole(self, obj: Any) -> None:
        """Mark obj and everything below it as read."""
        if isinstance(obj, dict):
            self.wholes.add(id(obj))
            self.visited.add(id(obj))
            for item in obj.values():
                self.whole(item)
        elif isinstance(obj, list):
            for item in obj:
                self.whole(item)

    def get(self, obj: Any, key: str) -> Any:
        """obj[key], marked as read (None when obj is not an object)."""
        if not isinstance(obj, dict):
            return None
        self.places.add((id(obj), key))
        value = obj.get(key)
        return None if value in ("", []) else value

    def unmapped(self, value: Any, where: Where, skip: frozenset[str] = frozenset()):
        """(place, value) of every leaf not read, below `value`."""
        if isinstance(value, dict):
            if id(value) in self.wholes:
                return
            self.visited.add(id(value))
            base = self.feed.origins.get(id(value)) or where
            for key, item in value.items():
                if key in skip:
                    continue
                if (id(value), key) in self.places and not isinstance(item, dict | list):
                    continue
                if key == "id" or key in JOINS or key.endswith("_id"):
                    continue  # identity and joins: the structure, not data
                yield from self.unmapped(item, base.child(key))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                yield from self.unmapped(item, where.child(index))
        elif value not in (None, ""):
            shown = json.dumps(value, ensure_ascii=False)
            if len(shown) > VALUE_SHOWN:
                shown = shown[:VALUE_SHOWN] + "…"
            yield str(where), shown


def plan(feed: Feed, directory: Directory, local_id: Callable[[str, str], str]) -> Plan:
    """Map a checked feed to actors and offers: organizations the directory holds are linked,
    not changed; services update the offer with their HSDS id or become new offers.
    `local_id(name, hsds_id)` makes the id of a new actor or offer."""
    result = Plan()
    used = _Used(feed)
    taken = set(directory.taken_ids)

    def new_id(name: str, hsds_id: str) -> str:
        candidate = local_id(name, hsds_id)
        suffix = 0
        while candidate in taken:
            suffix += 1
            candidate = f"{local_id(name, hsds_id)}-{suffix}"
        taken.add(candidate)
        return candidate

    actor_of: dict[str, str] = {}
    mapped: dict[str, Item] = {}
    # An organization written out on its own is the source; copies inside services are
    # read only for an organization the feed gives nowhere else.
    for item in sorted(feed.organizations, key=lambda i: i.nested):
        org = item.data
        oid = str(org["id"])
        if oid in mapped:
            continue
        mapped[oid] = item
        known = directory.actors.get(oid)
        if known is not None:
            if known["municipality_id"] != directory.municipality_id:
                result.problems.append(
                    Problem(
                        item.where.child("id"),
                        item.subject,
                        f"belongs to municipality {known['municipality_id']!r}, not "
                        f"{directory.municipality_id!r}",
                    )
                )
            actor_of[oid] = known["id"]
            used.whole(org)  # a known organisation is linked, never changed
            continue
        actor_id = new_id(str(org.get("name") or "organisation"), oid)
        actor_of[oid] = actor_id
        result.actors.append({"id": actor_id, "props": _actor_props(org, directory, used)})
    rows = []
    for item in feed.services:
        svc = item.data
        org_id: Any = item.parent or svc.get("organization_id")
        if org_id is None and isinstance(svc.get("organization"), dict):
            org_id = svc["organization"].get("id")
        used.take(svc, "organization_id", "organization")
        owner = actor_of.get(str(org_id)) or (directory.actors.get(str(org_id)) or {}).get("id")
        if owner is None:
            result.problems.append(
                Problem(
                    item.where.child("organization_id"),
                    item.subject,
                    "names no organization of the feed or the directory"
                    if org_id
                    else "names no organization (organization_id or organization)",
                )
            )
            continue
        known_offer = directory.offers.get(str(svc["id"]))
        if known_offer is not None:
            result.updated += 1
        offer_id = known_offer or new_id(str(svc.get("name") or "angebot"), str(svc["id"]))
        props, links = _offer_props(item, directory, used)
        rows.append(
            {
                "id": offer_id,
                "actor_id": owner,
                "props": props | {"actor_id": owner, "municipality_id": directory.municipality_id},
                "ends": _ends(props["hsds_status"] or "active"),
                **links,
            }
        )
    result.rows = rows
    unmapped: list[tuple[str, str]] = []
    for item in mapped.values():
        unmapped += used.unmapped(item.data, item.where, frozenset({"services"}))
    for item in feed.services:
        unmapped += used.unmapped(item.data, item.where, frozenset({"organization"}))
        for sal in item.locations:
            unmapped += used.unmapped(sal.data, sal.where, frozenset({"service"}))
    unmapped += [(str(where), reason) for where, reason in feed.unread]
    for item in feed.checks:  # rows of the tabular form that nothing led to
        if item.where.row is not None and id(item.data) not in used.visited:
            if item.kind not in ("taxonomy", "taxonomy_term", "meta_table_description"):
                unmapped.append((str(item.where), f"not imported: {item.kind} of no known object"))
    result.unmapped = list(dict.fromkeys(unmapped))
    return result


def _text(value: Any) -> str | None:
    """A text for the graph: line breaks as LF (the browser's CRLF is the same text)."""
    if value is None:
        return None
    text = str(value).replace("\r\n", "\n").replace("\r", "\n").strip()
    return text or None


def _address(location: Any, used: _Used, owner_name: str) -> str | None:
    """'Street 1, 44623 City' from a location's first address."""
    if not isinstance(location, dict):
        return None
    if location.get("name") == owner_name:
        used.take(location, "name")
    if location.get("location_type") == "physical":
        used.take(location, "location_type")
    addresses = location.get("addresses")
    if not isinstance(addresses, list) or not addresses or not isinstance(addresses[0], dict):
        return None
    first = addresses[0]
    street = used.get(first, "address_1")
    if not street:
        return None
    postal, city = used.get(first, "postal_code") or "", used.get(first, "city") or ""
    for key, implied in (
        ("country", ("DE", "de", "Deutschland", "Germany")),
        ("state_province", ("Nordrhein-Westfalen", "NRW", "NW")),
        ("address_type", ("physical",)),
    ):
        if first.get(key) in implied:
            used.take(first, key)
    return _text(f"{street}, {postal} {city}".strip().rstrip(","))


def _first_phone(phones: Any, used: _Used) -> str | None:
    if isinstance(phones, list) and phones and isinstance(phones[0], dict):
        return _text(used.get(phones[0], "number"))
    return None


def _actor_props(org: dict[str, Any], directory: Directory, used: _Used) -> dict[str, Any]:
    name = _text(used.get(org, "name"))
    locations = org.get("locations") if isinstance(org.get("locations"), list) else []
    return {
        "name": name,
        "hsds_id": used.get(org, "id"),
        "alternate_name": _text(used.get(org, "alternate_name")),
        "description": _text(used.get(org, "description")),
        "email": _text(used.get(org, "email")),
        "website": _text(used.get(org, "website")),
        "phone": _first_phone(org.get("phones"), used),
        "address": _address(locations[0], used, name or "") if locations else None,
        "kind": "other",
        "municipality_id": directory.municipality_id,
    }


def _ends(status: str) -> str | None:
    """A service that is not active leaves the referral search: a running offer ends
    yesterday (the write statement leaves one alone that has ended or not begun)."""
    if status == "active":
        return None
    return (clock.today() - dt.timedelta(days=1)).isoformat()


def _hours(schedules: list[Any], used: _Used) -> str | None:
    parts = []
    for schedule in schedules:
        if not isinstance(schedule, dict):
            continue
        text = _text(used.get(schedule, "description"))
        if text:
            parts.append(text)
            continue
        opens, closes = schedule.get("opens_at"), schedule.get("closes_at")
        if not opens or not closes:
            continue
        used.take(schedule, "opens_at", "closes_at")
        if schedule.get("freq") in ("WEEKLY", "weekly"):
            used.take(schedule, "freq")
        days = [d.strip().upper() for d in str(used.get(schedule, "byday") or "").split(",")]
        named = ", ".join(WEEKDAYS.get(d[-2:], d) for d in days if d)
        parts.append(f"{named} {str(opens)[:5]}–{str(closes)[:5]}".strip())
    return _text("; ".join(parts))


def _offer_props(
    item: Item, directory: Directory, used: _Used
) -> tuple[dict[str, Any], dict[str, list[str]]]:
    svc = item.data
    vocab = directory.vocab
    sals = [s for s in (svc.get("service_at_locations") or []) if isinstance(s, dict)]
    sals += [s.data for s in item.locations]
    name = _text(used.get(svc, "name"))
    props: dict[str, Any] = {
        "name": name,
        "hsds_id": used.get(svc, "id"),
        "alternate_name": _text(used.get(svc, "alternate_name")),
        "description": _text(used.get(svc, "description")),
        "email": _text(used.get(svc, "email")),
        "website": _text(used.get(svc, "url")),
        "eligibility_description": _text(used.get(svc, "eligibility_description")),
        "phone": _first_phone(svc.get("phones"), used),
    }
    status = str(used.get(svc, "status") or "active")
    props["hsds_status"] = None if status == "active" else status  # its word, for the export
    for key, prop in (("minimum_age", "age_min"), ("maximum_age", "age_max")):
        props[prop] = _age(used.get(svc, key))
    wait = WAIT.match(str(svc.get("wait_time") or ""))
    props["waiting_days"] = int(wait[1]) if wait else None
    if wait:
        used.take(svc, "wait_time")
    contacts = [c for c in (svc.get("contacts") or []) if isinstance(c, dict)]
    for sal in sals:
        contacts += [c for c in (sal.get("contacts") or []) if isinstance(c, dict)]
    named = next((c for c in contacts if c.get("name")), None)
    props["contact_name"] = _text(used.get(named, "name")) if named else None
    for contact in contacts:
        if props["email"] is None and contact.get("email"):
            props["email"] = _text(used.get(contact, "email"))
        elif contact.get("email") == props["email"]:
            used.take(contact, "email")
        if props["phone"] is None:
            props["phone"] = _first_phone(contact.get("phones"), used)
    schedules = [s for s in (svc.get("schedules") or []) if isinstance(s, dict)]
    for sal in sals:
        schedules = schedules or list(sal.get("schedules") or [])
        location = sal.get("location")
        if isinstance(location, dict):
            schedules = schedules or list(location.get("schedules") or [])
    props["hours"] = _hours(schedules, used)
    props["address"] = None
    for sal in sals:
        props["address"] = props["address"] or _address(sal.get("location"), used, name or "")
    links: dict[str, list[str]] = {
        k: [] for k in ("topics", "target_groups", "languages", "districts")
    }
    category = None
    for attr in svc.get("attributes") or []:
        if not isinstance(attr, dict):
            continue
        if attr.get("link_type") == "category" and attr.get("value") in model.OFFER_CATEGORIES:
            category = attr["value"]
            used.whole(attr)
            continue
        found = _term(attr, vocab)
        if found:
            links[found[0]].append(found[1])
            used.whole(attr)
    props["category"] = category
    for lang in svc.get("languages") or []:
        if not isinstance(lang, dict):
            continue
        for key in ("code", "name"):
            code = str(lang.get(key) or "").strip().lower()
            if code in vocab["languages"]:
                links["languages"].append(vocab["languages"][code])
                used.take(lang, "code", "name")
                break
    for area in svc.get("service_areas") or []:
        if not isinstance(area, dict):
            continue
        for key in ("name", "extent"):
            district = str(area.get(key) or "").strip().lower()
            if district in vocab["districts"]:
                links["districts"].append(vocab["districts"][district])
                used.take(area, "name", "extent", "extent_type")
                break
    return props, {k: sorted(set(v)) for k, v in links.items()}


def _term(attr: dict[str, Any], vocab: dict[str, dict[str, str]]) -> tuple[str, str] | None:
    term = attr["taxonomy_term"] if isinstance(attr.get("taxonomy_term"), dict) else {}
    tables = {"topic": ["topics"], "target_group": ["target_groups"]}.get(
        str(attr.get("link_type")), ["topics", "target_groups"]
    )
    for table in tables:
        for candidate in (term.get("code"), term.get("name"), attr.get("value")):
            key = str(candidate or "").strip().lower()
            if key and key in vocab[table]:
                return table, vocab[table][key]
    return None


def _age(value: Any) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return int(value)


def age_problems(feed: Feed) -> list[Problem]:
    """Ages the referral search cannot use: whole years from 0 to 120, minimum ≤ maximum."""
    problems = []
    for item in feed.services:
        svc = item.data
        ages = {}
        for key in ("minimum_age", "maximum_age"):
            value = svc.get(key)
            if value is None or isinstance(value, bool) or not isinstance(value, int | float):
                continue  # a wrong type is the schema's to report
            if value != int(value) or not 0 <= value <= AGE_MAX:
                problems.append(
                    Problem(
                        item.where.child(key), item.subject, f"a whole number from 0 to {AGE_MAX}"
                    )
                )
            ages[key] = value
        if len(ages) == 2 and ages["minimum_age"] > ages["maximum_age"]:
            problems.append(
                Problem(item.where.child("maximum_age"), item.subject, "smaller than minimum_age")
            )
    return problems
