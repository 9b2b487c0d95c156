"""Spreadsheet import of offers (CSV or XLSX): check every row first, then write all at once.

Column layout (German names; the English names in brackets are accepted too):

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

Every problem is reported with row, column, value and why; nothing is written unless the
whole file is clean. Re-importing the same file changes nothing (MERGE by Kennung).
"""

from __future__ import annotations

import csv
import datetime as dt
import difflib
import hashlib
import io
import re
import zipfile
from dataclasses import dataclass, field
from typing import Any

from ..domain import model
from ..graph import Graph

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
CATEGORY_WORDS = {"beratung": "counselling", "projekt": "project", "regelangebot": "statutory"}
CIRCLE_WORDS = {"innerer": "inner", "äußerer": "outer", "aeusserer": "outer"}
TAXONOMY = {
    "topics": "topics",
    "districts": "districts",
    "languages": "languages",
    "target_groups": "target_groups",
}


class SpreadsheetError(Exception):
    """The file cannot be read at all (encoding, broken XLSX, size, missing columns)."""


@dataclass
class Problem:
    row: int
    column: str
    value: str
    why: str

    def as_dict(self) -> dict[str, Any]:
        return {"row": self.row, "column": self.column, "value": self.value, "why": self.why}


@dataclass
class Plan:
    """The checked import: offers ready to write, or the problems that stop it."""

    sha256: str
    offers: list[dict[str, Any]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


# --- reading -------------------------------------------------------------------------------


def read_rows(data: bytes, filename: str, max_bytes: int) -> list[list[str]]:
    """The file's cells as text rows (first row = header); CSV or XLSX by name or content."""
    if len(data) > max_bytes:
        raise SpreadsheetError(f"the file is larger than {max_bytes // (1024 * 1024)} MB")
    if filename.lower().endswith(".xlsx") or data[:2] == b"PK":
        return _read_xlsx(data)
    return _read_csv(data)


def _read_csv(data: bytes) -> list[list[str]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SpreadsheetError(
            f"the CSV file is not UTF-8 text (byte {exc.start}); save it as 'CSV UTF-8'"
        ) from None
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    try:
        return [row for row in csv.reader(io.StringIO(text), delimiter=delimiter)]
    except csv.Error as exc:
        raise SpreadsheetError(f"the CSV file cannot be read: {exc}") from None


def _read_xlsx(data: bytes) -> list[list[str]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise SpreadsheetError(f"the XLSX file is broken or not an XLSX file ({exc})") from None
    sheet = book["Angebote"] if "Angebote" in book.sheetnames else book.worksheets[0]
    rows: list[list[str]] = []
    for number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
        if number > MAX_ROWS + 1:
            raise SpreadsheetError(f"more than {MAX_ROWS} rows: split the file")
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
    book.close()
    return rows


_FORMULA = "\x00formula:"


# --- checking ------------------------------------------------------------------------------


def vocabulary(graph: Graph, municipality_id: str | None = None) -> dict[str, dict[str, str]]:
    """Lookup tables: lower-cased id or name → id, per taxonomy, plus the actors (only of
    `municipality_id` when given: editors import for their own municipality)."""
    raw = graph.query("hsds.import_vocabulary")
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
    return vocab


def check(rows: list[list[str]], vocab: dict[str, dict[str, str]], sha256: str) -> Plan:
    """Check every row; the plan holds the offers, or every problem found."""
    plan = Plan(sha256=sha256)
    if not rows:
        plan.problems.append(Problem(1, "", "", "the file is empty"))
        return plan
    header = [h.strip() for h in rows[0]]
    where: dict[str, int] = {}
    for index, name in enumerate(header):
        for fld, names in COLUMNS.items():
            if name.lower() in (n.lower() for n in names):
                where[fld] = index
    for fld in REQUIRED:
        if fld not in where:
            plan.problems.append(Problem(1, COLUMNS[fld][0], "", "required column missing"))
    unknown = [
        h
        for h in header
        if h and not any(h.lower() in (n.lower() for n in names) for names in COLUMNS.values())
    ]
    for name in unknown:
        plan.problems.append(Problem(1, name, name, "unknown column"))
    if plan.problems:
        return plan
    seen: dict[str, int] = {}
    for number, cells in enumerate(rows[1:], start=2):
        if not any(c.strip() for c in cells):
            continue
        if number > MAX_ROWS + 1:
            plan.problems.append(Problem(number, "", "", f"more than {MAX_ROWS} rows"))
            break
        offer = _check_row(number, cells, where, vocab, plan.problems)
        key = cells[where["id"]].strip() if where["id"] < len(cells) else ""
        if key and key in seen:
            plan.problems.append(
                Problem(number, "Kennung", key, f"already used in row {seen[key]}")
            )
            continue
        seen.setdefault(key, number)
        if offer is not None:
            plan.offers.append(offer)
    if not plan.offers and not plan.problems:
        plan.problems.append(Problem(2, "", "", "no offers in the file"))
    return plan


def _check_row(number, cells, where, vocab, problems) -> dict[str, Any] | None:
    before = len(problems)

    cache: dict[str, str] = {}

    def cell(fld: str) -> str:
        if fld not in cache:
            cache[fld] = read(fld)
        return cache[fld]

    def read(fld: str) -> str:
        index = where.get(fld)
        value = cells[index] if index is not None and index < len(cells) else ""
        if value.startswith(_FORMULA):
            problems.append(
                Problem(
                    number,
                    COLUMNS[fld][0],
                    value[len(_FORMULA) :],
                    "formulas are not accepted: enter the value",
                )
            )
            return ""
        if "\x00" in value or re.search(r"[\x01-\x08\x0b\x0c\x0e-\x1f]", value):
            problems.append(Problem(number, COLUMNS[fld][0], "", "control characters"))
            return ""
        return value.strip()

    def bad(fld: str, value: str, why: str) -> None:
        problems.append(Problem(number, COLUMNS[fld][0], value, why))

    offer: dict[str, Any] = {}
    for fld in REQUIRED:
        if not cell(fld) and not any(
            p.row == number and p.column == COLUMNS[fld][0] for p in problems[before:]
        ):
            bad(fld, "", "required")
    offer_id = cell("id")
    if offer_id and not ID.match(offer_id):
        bad("id", offer_id, "use lower-case letters, digits and '-' (2–80 characters)")
    offer["id"] = offer_id
    offer["name"] = cell("name")[:200]
    actor = cell("actor")
    actor_id = vocab["actors"].get(actor.lower()) if actor else None
    if actor and not actor_id:
        bad("actor", actor, "unknown organisation" + _suggest(actor, vocab["actors"]))
    offer["actor_id"] = actor_id
    offer["municipality_id"] = vocab["actor_municipality"].get(actor_id or "", "")
    for fld in ("description", "address", "phone", "hours"):
        offer[fld] = cell(fld)[:4000] or None
    email = cell("email")
    if email and not EMAIL.match(email):
        bad("email", email, "not an e-mail address")
    offer["email"] = email or None
    category = cell("category").lower()
    category = CATEGORY_WORDS.get(category, category)
    if category and category not in model.OFFER_CATEGORIES:
        bad("category", category, "one of " + ", ".join(model.OFFER_CATEGORIES))
    offer["category"] = category or None
    circle = cell("circle").lower()
    circle = CIRCLE_WORDS.get(circle, circle)
    if circle and circle not in model.CIRCLES:
        bad("circle", circle, "one of " + ", ".join(model.CIRCLES))
    offer["circle"] = circle or None
    for fld in ("age_min", "age_max"):
        raw = cell(fld)
        if raw and not (raw.isdigit() and 0 <= int(raw) <= 120):
            bad(fld, raw, "a whole number from 0 to 120")
            offer[fld] = None
        else:
            offer[fld] = int(raw) if raw else None
    if offer["age_min"] is not None and offer["age_max"] is not None:
        if offer["age_min"] > offer["age_max"]:
            bad("age_max", str(offer["age_max"]), "smaller than 'Alter von'")
    for fld in ("valid_from", "valid_until"):
        raw = cell(fld)
        offer[fld] = _date(raw)
        if raw and offer[fld] is None:
            bad(fld, raw, "a date like 2025-01-31 or 31.01.2025")
    if offer["valid_from"] and offer["valid_until"] and offer["valid_from"] > offer["valid_until"]:
        bad("valid_until", offer["valid_until"], "before 'Gültig ab'")
    for fld, kind in TAXONOMY.items():
        ids = []
        for item in (p.strip() for p in cell(fld).split(LIST_SEPARATOR)):
            if not item:
                continue
            found = vocab[kind].get(item.lower())
            if found is None:
                bad(fld, item, "unknown" + _suggest(item, vocab[kind]))
            elif found not in ids:
                ids.append(found)
        offer[fld] = ids
    return offer if len(problems) == before else None


def _suggest(value: str, table: dict[str, str]) -> str:
    close = difflib.get_close_matches(value.lower(), list(table), n=3, cutoff=0.6)
    if not close:
        return ""
    return "; did you mean: " + ", ".join(dict.fromkeys(close)) + "?"


def _date(raw: str) -> str | None:
    for pattern in ("%Y-%m-%d", "%d.%m.%Y"):
        try:
            return dt.datetime.strptime(raw, pattern).date().isoformat()
        except ValueError:
            continue
    return None


def prepare(
    graph: Graph, data: bytes, filename: str, max_bytes: int, municipality_id: str | None = None
) -> Plan:
    """Read and check a file; raises SpreadsheetError if it cannot be read at all."""
    digest = hashlib.sha256(data).hexdigest()
    rows = read_rows(data, filename, max_bytes)
    return check(rows, vocabulary(graph, municipality_id), digest)


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


def write(graph: Graph, plan: Plan) -> int:
    """Write every offer of a clean plan in ONE statement (all or nothing); return the count."""
    if not plan.ok:
        raise SpreadsheetError("the file has problems: nothing was written")
    rows = [
        {
            "id": o["id"],
            "actor_id": o["actor_id"],
            "props": {k: o[k] for k in PROPS},
            "topics": o["topics"],
            "districts": o["districts"],
            "languages": o["languages"],
            "target_groups": o["target_groups"],
        }
        for o in plan.offers
    ]
    written = graph.query("hsds.import_offers", rows=rows)[0]["written"]
    if written != len(rows):
        raise SpreadsheetError(
            f"{len(rows) - written} offers lost their organisation meanwhile: check and re-import"
        )
    return written


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


def template_xlsx() -> bytes:
    """A template workbook: the 'Angebote' sheet with German headers and one example row."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Angebote"
    sheet.append([names[0] for names in COLUMNS.values()])
    sheet.append(TEMPLATE_EXAMPLE)
    notes = book.create_sheet("Hinweise")
    notes.append(["Spalte", "Bedeutung"])
    for line in (__doc__ or "").splitlines():
        if line.startswith("| ") and not line.startswith("| column") and "---" not in line:
            parts = [p.strip() for p in line.strip("|").split("|")]
            notes.append(parts[:2])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def template_csv() -> str:
    """The same layout as CSV (UTF-8, ';'-separated as German spreadsheets expect)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow([names[0] for names in COLUMNS.values()])
    writer.writerow(TEMPLATE_EXAMPLE)
    return out.getvalue()
