"""Spreadsheet import of organisations and offers (CSV or XLSX): check every row first, then
write all at once.

A workbook may hold a sheet "Organisationen" and a sheet "Angebote" (both are imported in one
go, organisations first, so offers may name an organisation of the same file); a CSV file or
a workbook without these sheets holds one kind, told apart by its columns (a column "Art",
"Stadtteil" or "Webseite" and none of the offer columns make it organisations).

Offers (sheet "Angebote"; German names, the English names in brackets are accepted too):

| column | meaning |
|---|---|
| Kennung (id) | stable key: the same Kennung updates the same offer (required) |
| Name (name) | name of the offer (required) |
| Träger (actor) | id or exact name of the organisation (required, must exist) |
| Beschreibung (description) | free text |
| Kategorie (category) | counselling / project / statutory (Beratung / Projekt / Regelangebot) |
| Kreis (circle) | inner / outer (innerer / äußerer) |
| Themen (topics) | topics by id or German/English name, separated by ";" |
| Stadtteile (districts) | districts by id or name, ";"-separated |
| Sprachen (languages) | ISO codes or names, ";"-separated |
| Zielgruppen (target_groups) | target groups by id or name, ";"-separated |
| Alter von (age_min), Alter bis (age_max) | whole numbers 0–120 |
| Adresse, Telefon, E-Mail, Öffnungszeiten (address, phone, email, hours) | text |
| Gültig ab (valid_from), Gültig bis (valid_until) | dates YYYY-MM-DD (or DD.MM.YYYY) |

Organisations (sheet "Organisationen"; they belong to the importing user's municipality):

| column | meaning |
|---|---|
| Kennung (id) | stable key: the same Kennung updates the same organisation (required) |
| Name (name) | name of the organisation (required) |
| Art (kind) | Verwaltung, Wohlfahrt, Verein, Bildung, Gesundheit, Jobcenter, Kirche, Sonstige |
| Stadtteil (district) | district by id or name |
| Beschreibung, Adresse, Telefon, E-Mail, Webseite (description, …, website) | text |

Every problem is reported with sheet, row, column, value and why; nothing is written unless
the whole file is clean. Re-importing the same file changes nothing (MERGE by Kennung).
"""

from __future__ import annotations

import csv
import datetime as dt
import difflib
import hashlib
import io
import re
import uuid
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from ..domain import clock, csvfile, model
from ..graph import Graph
from . import directory
from .audit import Who

MAX_ROWS = 5000
LIST_SEPARATOR = ";"
ID = re.compile(r"^[a-z0-9][a-z0-9-]{1,80}$")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")

COLUMNS: dict[str, tuple[str, ...]] = {
    # field: (German header, accepted aliases...)
    "id": ("Kennung", "id"),
    "name": ("Name", "name"),
    "actor": ("Träger", "actor", "Traeger", "Organisation"),
    "description": ("Beschreibung", "description"),
    "category": ("Kategorie", "category"),
    "circle": ("Kreis", "circle"),
    "topics": ("Themen", "topics"),
    "districts": ("Stadtteile", "districts"),
    "languages": ("Sprachen", "languages"),
    "target_groups": ("Zielgruppen", "target_groups"),
    "age_min": ("Alter von", "age_min"),
    "age_max": ("Alter bis", "age_max"),
    "address": ("Adresse", "address"),
    "phone": ("Telefon", "phone"),
    "email": ("E-Mail", "email"),
    "hours": ("Öffnungszeiten", "hours"),
    "valid_from": ("Gültig ab", "valid_from"),
    "valid_until": ("Gültig bis", "valid_until"),
}
REQUIRED = ("id", "name", "actor")
# The import's words and the interface's names (Regelberatung, Gesetzliche Leistung) alike.
CATEGORY_WORDS = {
    "beratung": "counselling",
    "regelberatung": "counselling",
    "projekt": "project",
    "regelangebot": "statutory",
    "gesetzliche leistung": "statutory",
}
CIRCLE_WORDS = {"innerer": "inner", "äußerer": "outer", "aeusserer": "outer"}
TAXONOMY = {
    "topics": "topics",
    "districts": "districts",
    "languages": "languages",
    "target_groups": "target_groups",
}


ACTOR_COLUMNS: dict[str, tuple[str, ...]] = {
    "id": ("Kennung", "id"),
    "name": ("Name", "name"),
    "kind": ("Art", "kind"),
    "description": ("Beschreibung", "description"),
    "district": ("Stadtteil", "district"),
    "address": ("Adresse", "address"),
    "phone": ("Telefon", "phone"),
    "email": ("E-Mail", "email"),
    "website": ("Webseite", "website"),
}
ACTOR_REQUIRED = ("id", "name")
ACTOR_ONLY = {n.lower() for f in ("kind", "district", "website") for n in ACTOR_COLUMNS[f]}
KIND_WORDS = {
    "stadtverwaltung": "city_office",
    "verwaltung": "city_office",
    "amt": "city_office",
    "wohlfahrtsverband": "welfare",
    "wohlfahrt": "welfare",
    "verein": "association",
    "bildung": "education",
    "gesundheit": "health",
    "jobcenter": "job_centre",
    "kirche": "church",
    "sonstige": "other",
    "sonstiges": "other",
}
WEBSITE = re.compile(r"^https?://[^\s/]+\.[^\s]+$")
SHEETS = {"actors": "Organisationen", "offers": "Angebote"}


def N_(text: str) -> str:
    """Mark a message for translation; the web layer translates it when it shows it."""
    return text


def german() -> Callable[[str], str]:
    """gettext of the German catalogue, for texts written outside a request (the CLI)."""
    from babel.support import Translations

    folder = Path(__file__).resolve().parents[1] / "translations"
    return Translations.load(str(folder), ["de"]).gettext


class SpreadsheetError(Exception):
    """The file cannot be read at all (encoding, broken XLSX, size, missing columns).

    `why` is the English message with %(name)s placeholders filled from `params`, so the
    web layer can show it in the user's language.
    """

    def __init__(self, why: str, **params: Any):
        super().__init__(why % params if params else why)
        self.why = why
        self.params = params


@dataclass
class Problem:
    row: int
    column: str
    value: str
    why: str  # an English message (marked with N_) with %(name)s placeholders
    sheet: str = ""  # "Organisationen" or "Angebote" when the file holds both kinds
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def text(self) -> str:
        """The reason in English, placeholders filled."""
        return self.why % self.params if self.params else self.why

    def as_dict(self) -> dict[str, Any]:
        """The problem as JSON-ready data."""
        return {
            "sheet": self.sheet,
            "row": self.row,
            "column": self.column,
            "value": self.value,
            "why": self.text,
        }


@dataclass
class Plan:
    """The checked import: organisations and offers ready to write, or the problems."""

    sha256: str
    offers: list[dict[str, Any]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    actors: list[dict[str, Any]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


# --- reading -------------------------------------------------------------------------------

Sheets = dict[str, list[list[str]]]  # "actors" / "offers" → text rows, first row the header


def read_sheets(data: bytes, filename: str, max_bytes: int) -> Sheets:
    """The file's rows by kind ("actors", "offers"); CSV or XLSX by name or content."""
    if len(data) > max_bytes:
        raise SpreadsheetError(N_("the file is larger than %(mb)s MB"), mb=max_bytes // 2**20)
    if filename.lower().endswith(".xlsx") or data[:2] == b"PK":
        return _read_xlsx(data)
    rows = _read_csv(data)
    return {_kind(rows): rows}


def _kind(rows: list[list[str]]) -> str:
    """Organisations if the header has an organisation-only column and no offer column."""
    header = {h.strip().lower() for h in (rows[0] if rows else [])}
    offer_only = {n.lower() for names in COLUMNS.values() for n in names} - {
        n.lower() for names in ACTOR_COLUMNS.values() for n in names
    }
    return "actors" if header & ACTOR_ONLY and not header & offer_only else "offers"


def _read_csv(data: bytes) -> list[list[str]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SpreadsheetError(
            N_("the CSV file is not UTF-8 text (byte %(byte)s); save it as 'CSV UTF-8'"),
            byte=exc.start,
        ) from None
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    try:
        return [row for row in csv.reader(io.StringIO(text), delimiter=delimiter)]
    except csv.Error as exc:
        raise SpreadsheetError(
            N_("the CSV file cannot be read: %(error)s"), error=str(exc)
        ) from None


def _read_xlsx(data: bytes) -> Sheets:
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise SpreadsheetError(
            N_("the XLSX file is broken or not an XLSX file (%(error)s)"), error=str(exc)
        ) from None
    try:
        named = {kind: name for kind, name in SHEETS.items() if name in book.sheetnames}
        if named:
            return {kind: _sheet_rows(book[name]) for kind, name in named.items()}
        rows = _sheet_rows(book.worksheets[0])
        return {_kind(rows): rows}
    finally:
        book.close()


def _sheet_rows(sheet: Any) -> list[list[str]]:
    rows: list[list[str]] = []
    for number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
        if number > MAX_ROWS + 1:
            raise SpreadsheetError(N_("more than %(n)s rows: split the file"), n=MAX_ROWS)
        cells = []
        for value in row:
            if isinstance(value, str) and value.startswith("="):
                cells.append(_FORMULA + value)
            elif isinstance(value, dt.datetime | dt.date):
                cells.append(value.strftime("%Y-%m-%d"))
            elif isinstance(value, float) and value.is_integer():
                cells.append(str(int(value)))
            else:
                cells.append("" if value is None else str(value))
        rows.append(cells)
    return rows


_FORMULA = "\x00formula:"


# --- checking ------------------------------------------------------------------------------


def vocabulary(graph: Graph, municipality_id: str | None = None) -> dict[str, dict[str, str]]:
    """Lookup tables: lower-cased id or name → id, per taxonomy, plus the actors (only of
    `municipality_id` when given: editors import for their own municipality)."""
    raw = graph.query("hsds.import_vocabulary")
    owner = {a["id"]: a.get("municipality_id") or "" for a in raw["actors"]}
    if municipality_id is not None:
        raw["actors"] = [a for a in raw["actors"] if a.get("municipality_id") == municipality_id]
    vocab: dict[str, dict[str, str]] = {}
    for kind in ("topics", "districts", "languages", "target_groups", "actors"):
        table: dict[str, str] = {}
        for item in raw[kind]:
            for key in ("id", "name", "name_de", "name_en"):
                if item.get(key):
                    table.setdefault(str(item[key]).strip().lower(), item["id"])
        vocab[kind] = table
    vocab["actor_municipality"] = {a["id"]: a.get("municipality_id") or "" for a in raw["actors"]}
    vocab["actor_owner"] = owner  # every organisation, to refuse taking over another's
    return vocab


def check(
    sheets: Sheets,
    vocab: dict[str, dict[str, str]],
    sha256: str,
    municipality_id: str | None = None,
    step: Callable[[int], Any] | None = None,
) -> Plan:
    """Check every row of every sheet (`step(1)` after each, for a progress bar); the plan
    holds what to write, or every problem."""
    plan = Plan(sha256=sha256)
    both = len(sheets) > 1
    if "actors" in sheets:
        sheet = SHEETS["actors"] if both else ""
        every: list[dict[str, Any]] = []
        plan.actors = _check_sheet(
            sheets["actors"], ACTOR_COLUMNS, ACTOR_REQUIRED, plan.problems, sheet,
            lambda row: _check_actor(row, vocab, municipality_id),
            step, every,
        )  # fmt: skip
        # Offers of the same file may name these organisations by Kennung or name; also
        # those with problems, which are reported once, in their own row, not again as an
        # unknown Träger.
        vocab = {**vocab, "actors": dict(vocab["actors"])}
        vocab["actor_municipality"] = dict(vocab["actor_municipality"])
        for actor in every:
            for key in (actor["id"], actor["props"]["name"]):
                if key:
                    vocab["actors"][key.lower()] = actor["id"]
            vocab["actor_municipality"][actor["id"]] = actor["props"]["municipality_id"]
    if "offers" in sheets:
        sheet = SHEETS["offers"] if both else ""
        plan.offers = _check_sheet(
            sheets["offers"], COLUMNS, REQUIRED, plan.problems, sheet,
            lambda row: _check_offer(row, vocab),
            step,
        )  # fmt: skip
    if not plan.actors and not plan.offers and not plan.problems:
        plan.problems.append(Problem(2, "", "", N_("no organisations or offers in the file")))
    return plan


class _Row:
    """One row's cells by field, and the place to report its problems."""

    def __init__(self, number, cells, where, columns, problems, sheet):
        self.number, self.cells, self.where = number, cells, where
        self.columns, self.problems, self.sheet = columns, problems, sheet
        self.before = len(problems)
        self._cache: dict[str, str] = {}

    def cell(self, fld: str) -> str:
        """The cell's text, stripped; a formula or control characters are a problem."""
        if fld not in self._cache:
            self._cache[fld] = self._read(fld)
        return self._cache[fld]

    def _read(self, fld: str) -> str:
        index = self.where.get(fld)
        value = self.cells[index] if index is not None and index < len(self.cells) else ""
        if value.startswith(_FORMULA):
            self.bad(fld, value[len(_FORMULA) :], N_("formulas are not accepted: enter the value"))
            return ""
        if "\x00" in value or re.search(r"[\x01-\x08\x0b\x0c\x0e-\x1f]", value):
            self.bad(fld, "", N_("control characters"))
            return ""
        return value.strip()

    def bad(self, fld: str, value: str, why: str, **params: Any) -> None:
        """Report a problem in this row's column `fld`."""
        self.problems.append(
            Problem(self.number, self.columns[fld][0], value, why, self.sheet, params)
        )

    @property
    def ok(self) -> bool:
        return len(self.problems) == self.before

    def required(self, fields: tuple[str, ...]) -> None:
        """Report the required fields left empty (unless already reported)."""
        for fld in fields:
            name = self.columns[fld][0]
            empty = not self.cell(fld)  # first: reading may report a formula in this cell
            reported = any(
                p.row == self.number and p.column == name for p in self.problems[self.before :]
            )
            if empty and not reported:
                self.bad(fld, "", N_("required"))


def _check_sheet(
    rows, columns, required, problems, sheet, check_row, step, every=None
) -> list[Any]:
    """Check one sheet's header and rows; return the rows that passed (`every` gets all)."""
    before = len(problems)
    if not rows:
        problems.append(Problem(1, "", "", N_("the file is empty"), sheet))
        return []
    header = [h.strip() for h in rows[0]]
    where: dict[str, int] = {}
    for index, name in enumerate(header):
        for fld, names in columns.items():
            if name.lower() in (n.lower() for n in names):
                where[fld] = index
    for fld in required:
        if fld not in where:
            problems.append(Problem(1, columns[fld][0], "", N_("required column missing"), sheet))
    for name in header:
        if name and not any(name.lower() in (n.lower() for n in ns) for ns in columns.values()):
            problems.append(Problem(1, name, name, N_("unknown column"), sheet))
    if len(problems) > before:
        return []
    items: list[Any] = []
    seen: dict[str, int] = {}
    for number, cells in enumerate(rows[1:], start=2):
        if not any(c.strip() for c in cells):
            continue
        if number > MAX_ROWS + 1:
            problems.append(
                Problem(number, "", "", N_("more than %(n)s rows"), sheet, {"n": MAX_ROWS})
            )
            break
        if step:
            step(1)
        row = _Row(number, cells, where, columns, problems, sheet)
        item = check_row(row)
        if every is not None:
            every.append(item)
        key = row.cell("id")
        if key and key in seen:
            row.bad("id", key, N_("already used in row %(row)s"), row=seen[key])
            continue
        seen.setdefault(key, number)
        if row.ok:
            items.append(item)
    return items


def _check_id(row: _Row) -> str:
    key = row.cell("id")
    if key and not ID.match(key):
        row.bad("id", key, N_("use lower-case letters, digits and '-' (2–80 characters)"))
    return key


def _check_email(row: _Row) -> str | None:
    email = row.cell("email")
    if email and not EMAIL.match(email):
        row.bad("email", email, N_("not an e-mail address"))
    return email or None


def _check_actor(row: _Row, vocab, municipality_id: str | None) -> dict[str, Any]:
    row.required(ACTOR_REQUIRED)
    actor_id = _check_id(row)
    owner = vocab["actor_owner"].get(actor_id)
    if municipality_id is None:
        row.bad(
            "id",
            actor_id,
            N_("organisations need a municipality to belong to (in the shell: --municipality)"),
        )
    elif owner is not None and owner != municipality_id:
        row.bad(
            "id", actor_id, N_("this Kennung belongs to an organisation of another municipality")
        )
    kind = row.cell("kind").lower()
    kind = KIND_WORDS.get(kind, kind) or "other"
    if kind not in model.ACTOR_KINDS:
        row.bad(
            "kind",
            row.cell("kind"),
            N_("one of %(choices)s"),
            choices=", ".join(sorted(set(KIND_WORDS))),
        )
    district = row.cell("district")
    district_id = vocab["districts"].get(district.lower()) if district else None
    if district and not district_id:
        _unknown(row, "district", district, vocab["districts"])
    website = row.cell("website")
    if website and not WEBSITE.match(website):
        row.bad("website", website, N_("a web address like https://example.org"))
    props = {
        "name": row.cell("name")[:200],
        "kind": kind,
        "municipality_id": municipality_id or "",
        "email": _check_email(row),
        "website": website or None,
    }
    for fld in ("description", "address", "phone"):
        props[fld] = row.cell(fld)[:4000] or None
    return {"id": actor_id, "district_id": district_id, "props": props}


def _check_offer(row: _Row, vocab) -> dict[str, Any]:
    row.required(REQUIRED)
    offer: dict[str, Any] = {"id": _check_id(row), "name": row.cell("name")[:200]}
    actor = row.cell("actor")
    actor_id = vocab["actors"].get(actor.lower()) if actor else None
    if actor and not actor_id:
        _unknown(row, "actor", actor, vocab["actors"])
    offer["actor_id"] = actor_id
    offer["municipality_id"] = vocab["actor_municipality"].get(actor_id or "", "")
    for fld in ("description", "address", "phone", "hours"):
        offer[fld] = row.cell(fld)[:4000] or None
    offer["email"] = _check_email(row)
    category = row.cell("category").lower()
    category = CATEGORY_WORDS.get(category, category)
    if category and category not in model.OFFER_CATEGORIES:
        row.bad(
            "category",
            category,
            N_("one of %(choices)s"),
            choices=", ".join(model.OFFER_CATEGORIES),
        )
    offer["category"] = category or None
    circle = row.cell("circle").lower()
    circle = CIRCLE_WORDS.get(circle, circle)
    if circle and circle not in model.CIRCLES:
        row.bad("circle", circle, N_("one of %(choices)s"), choices=", ".join(model.CIRCLES))
    offer["circle"] = circle or None
    for fld in ("age_min", "age_max"):
        raw = row.cell(fld)
        if raw and not (raw.isdigit() and 0 <= int(raw) <= 120):
            row.bad(fld, raw, N_("a whole number from 0 to 120"))
            offer[fld] = None
        else:
            offer[fld] = int(raw) if raw else None
    if offer["age_min"] is not None and offer["age_max"] is not None:
        if offer["age_min"] > offer["age_max"]:
            row.bad("age_max", str(offer["age_max"]), N_("smaller than 'Alter von'"))
    for fld in ("valid_from", "valid_until"):
        raw = row.cell(fld)
        offer[fld] = _date(raw)
        if raw and offer[fld] is None:
            row.bad(fld, raw, N_("a date like 2025-01-31 or 31.01.2025"))
    if offer["valid_from"] and offer["valid_until"] and offer["valid_from"] > offer["valid_until"]:
        row.bad("valid_until", offer["valid_until"], N_("before 'Gültig ab'"))
    for fld, kind in TAXONOMY.items():
        ids = []
        for item in (p.strip() for p in row.cell(fld).split(LIST_SEPARATOR)):
            if not item:
                continue
            found = vocab[kind].get(item.lower())
            if found is None:
                _unknown(row, fld, item, vocab[kind])
            elif found not in ids:
                ids.append(found)
        offer[fld] = ids
    return offer


def _unknown(row: _Row, fld: str, value: str, table: dict[str, str]) -> None:
    """Report an unknown name, with the near misses the user probably meant."""
    close = difflib.get_close_matches(value.lower(), list(table), n=3, cutoff=0.6)
    if close:
        row.bad(
            fld,
            value,
            N_("unknown; did you mean: %(names)s?"),
            names=", ".join(dict.fromkeys(close)),
        )
    else:
        row.bad(fld, value, N_("unknown"))


def _date(raw: str) -> str | None:
    for pattern in ("%Y-%m-%d", "%d.%m.%Y"):
        try:
            return dt.datetime.strptime(raw, pattern).date().isoformat()
        except ValueError:
            continue
    return None


def count_rows(sheets: Sheets) -> int:
    """How many data rows (after the headers) the sheets hold: the length of a progress bar."""
    return sum(max(len(rows) - 1, 0) for rows in sheets.values())


def prepare(
    graph: Graph, data: bytes, filename: str, max_bytes: int, municipality_id: str | None = None
) -> Plan:
    """Read and check a file; raises SpreadsheetError if it cannot be read at all.

    `municipality_id` scopes the import: offers only for its organisations, new
    organisations into it (without one, a file with organisations is refused row by row).
    """
    digest = hashlib.sha256(data).hexdigest()
    sheets = read_sheets(data, filename, max_bytes)
    return check(sheets, vocabulary(graph, municipality_id), digest, municipality_id)


# --- writing -------------------------------------------------------------------------------

PROPS = (
    "name",
    "description",
    "category",
    "circle",
    "age_min",
    "age_max",
    "address",
    "phone",
    "email",
    "hours",
    "valid_from",
    "valid_until",
    "actor_id",
    "municipality_id",
)


class Written(NamedTuple):
    """How many organisations and offers an import wrote."""

    actors: int
    offers: int


def write(graph: Graph, plan: Plan, who: Who) -> Written:
    """Write the organisations and offers of a clean plan in ONE statement (all or nothing).

    Every offer the file changes gets a history entry by `who` (action "import"), as an edit
    in the directory does; offers the file leaves as they are get none.
    """
    if not plan.ok:
        raise SpreadsheetError(N_("the file has problems: nothing was written"))
    changes = directory.import_changes(
        graph,
        [
            {
                "id": o["id"],
                "props": {k: o[k] for k in PROPS if k != "municipality_id"},
                "topic_ids": o["topics"],
                "district_ids": o["districts"],
                "language_ids": o["languages"],
                "target_group_ids": o["target_groups"],
            }
            for o in plan.offers
        ],
    )
    rows = [
        {
            "id": o["id"],
            "actor_id": o["actor_id"],
            "props": {k: o[k] for k in PROPS},
            "topics": o["topics"],
            "districts": o["districts"],
            "languages": o["languages"],
            "target_groups": o["target_groups"],
            "changes": changes[o["id"]],
            "change_id": uuid.uuid4().hex,
        }
        for o in plan.offers
    ]
    answer = graph.query(
        "hsds.import_offers",
        actors=plan.actors,
        rows=rows,
        at=clock.now_iso(),
        user_id=who.get("id"),
        username=who.get("username"),
    )
    written = answer[0]["written"] if answer else 0  # no row when there are no offers
    if written != len(rows):
        raise SpreadsheetError(
            N_("%(n)s offers lost their organisation meanwhile: check and re-import"),
            n=len(rows) - written,
        )
    return Written(len(plan.actors), written)


TEMPLATE_EXAMPLE = [
    "beispiel-beratung",
    "Beispiel: Migrationsberatung",
    "ki-herne",
    "Beratung für Zugewanderte",
    "Beratung",
    "innerer",
    "Aufenthalt; Arbeit",
    "Herne-Mitte",
    "Deutsch; Arabisch",
    "Alle Zugewanderten",
    "18",
    "",
    "Musterstraße 1, 44623 Herne",
    "+49 2323 0000",
    "beratung@example.org",
    "Mo–Fr 9–12 Uhr",
    "2025-01-01",
    "",
]


ACTOR_EXAMPLE = [
    "beispiel-verein",
    "Beispiel: Verein für Zugewanderte",
    "Verein",
    "Treffpunkt und Beratung",
    "Herne-Mitte",
    "Musterstraße 2, 44623 Herne",
    "+49 2323 0001",
    "verein@example.org",
    "https://example.org",
]
TEMPLATES = {"offers": (COLUMNS, TEMPLATE_EXAMPLE), "actors": (ACTOR_COLUMNS, ACTOR_EXAMPLE)}


# What each column means: the one table behind the template's sheet "Hinweise" and the
# upload page. English texts marked for translation (N_); the caller translates them.
COLUMN_NOTES: dict[str, list[tuple[str, str]]] = {
    "offers": [
        ("Kennung", N_("Stable key: the same key updates the same offer (required)")),
        ("Name", N_("Name of the offer (required)")),
        ("Träger", N_("Id or exact name of the organisation (required)")),
        ("Themen, Stadtteile, Sprachen, Zielgruppen", N_('Ids or names, separated by ";"')),
        ("Kategorie", N_("Beratung, Projekt or Regelangebot (a statutory service)")),
        ("Kreis", N_("innerer or äußerer")),
        ("Alter von, Alter bis", N_("Whole numbers 0–120")),
        ("Gültig ab, Gültig bis", N_("Dates like 31.01.2025 or 2025-01-31")),
        ("Beschreibung, Adresse, Telefon, E-Mail, Öffnungszeiten", N_("Text")),
    ],
    "actors": [
        ("Kennung", N_("Stable key: the same key updates the same organisation (required)")),
        ("Name", N_("Name of the organisation (required)")),
        (
            "Art",
            N_(
                "Verwaltung, Wohlfahrt, Verein, Bildung, Gesundheit, Jobcenter, Kirche or "
                "Sonstige (default)"
            ),
        ),
        ("Stadtteil", N_("District by id or name")),
        ("Beschreibung, Adresse, Telefon, E-Mail, Webseite", N_("Text")),
    ],
}
NOTES_SHEET = "Hinweise"


def template_xlsx(translate: Callable[[str], str] = N_) -> bytes:
    """A template workbook: sheets 'Organisationen' and 'Angebote' with German headers and
    one example row each, and 'Hinweise' with what each column means (`translate` gives the
    meanings in the interface language; the web and the CLI pass German)."""
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for kind in ("actors", "offers"):
        columns, example = TEMPLATES[kind]
        sheet = book.create_sheet(SHEETS[kind])
        sheet.append([names[0] for names in columns.values()])
        sheet.append(example)
    notes = book.create_sheet(NOTES_SHEET)
    notes.append([translate("Column"), translate("Meaning")])
    for kind in ("actors", "offers"):
        notes.append([])
        notes.append([translate("Sheet") + f" \u201e{SHEETS[kind]}\u201c"])
        for column, meaning in COLUMN_NOTES[kind]:
            notes.append([column, translate(meaning)])
    notes.column_dimensions["A"].width = 48
    notes.column_dimensions["B"].width = 80
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def template_csv(kind: str = "offers") -> str:
    """One sheet's layout as CSV (UTF-8, ';'-separated as German spreadsheets expect)."""
    columns, example = TEMPLATES[kind]
    return csvfile.to_text([[names[0] for names in columns.values()], example], delimiter=";")
