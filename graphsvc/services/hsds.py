"""Open Referral HSDS 3.0: the directory as organizations, services and their parts.

Mapping (graphsvc → HSDS):
- Actor → organization (name, description, email, website, phones, locations)
- Offer → service (name, description, email, status from valid_from/valid_until,
  minimum_age/maximum_age, eligibility_description from target groups, genders and
  residence statuses), its address → location + address + service_at_location,
  SERVES districts → service_area, AVAILABLE_IN → language, phone → phone,
  email → contact, hours → schedule (description), COVERS topics and FOR target groups →
  attribute + taxonomy_term (taxonomies "graphsvc-topics", "graphsvc-target-groups").
HSDS ids must be UUIDs: each is a UUIDv5 of the graphsvc id, so exports are stable.
Not exported: capacity, circle, category (kept as attribute "category"), keywords,
municipality and cases (never).
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..domain import clock, csvfile, model
from ..graph import Graph

NAMESPACE = uuid.UUID("6f1c1f4e-2b7a-5d55-9a52-6b1e6c1a8e01")
PAGE = 2000
TAXONOMIES = {
    "topic": ("graphsvc-topics", "graphsvc topics (Themen)"),
    "target_group": ("graphsvc-target-groups", "graphsvc target groups (Zielgruppen)"),
    "category": ("graphsvc-categories", "graphsvc offer categories"),
}
ADDRESS = re.compile(r"^\s*(?P<street>[^,]+),\s*(?P<postal>\d{5})\s+(?P<city>.+?)\s*$")


def hid(kind: str, *parts: str) -> str:
    """A stable HSDS UUID for a graphsvc object (or one of its parts)."""
    return str(uuid.uuid5(NAMESPACE, ":".join((kind, *parts))))


def _clean(obj: dict[str, Any]) -> dict[str, Any]:
    """Leave out empty values (HSDS prefers absent fields to nulls)."""
    return {k: v for k, v in obj.items() if v not in (None, "", [])}


def _today() -> str:
    return clock.today_iso()


def _status(offer: dict[str, Any], today: str) -> str:
    if offer.get("valid_from") and offer["valid_from"] > today:
        return "inactive"
    if offer.get("valid_until") and offer["valid_until"] < today:
        return "defunct"
    return "active"


def term(kind: str, item: dict[str, Any], parent: str | None = None) -> dict[str, Any]:
    """One taxonomy_term for a topic or target group."""
    taxonomy, _ = TAXONOMIES[kind]
    return _clean(
        {
            "id": hid(kind, item["id"]),
            "code": item["id"],
            "name": item.get("name_de") or item["id"],
            "description": item.get("name_en") or item.get("name_de") or item["id"],
            "taxonomy": taxonomy,
            "taxonomy_id": hid("taxonomy", taxonomy),
            "language": "de",
            "parent_id": hid(kind, parent) if parent else None,
        }
    )


def location(kind: str, owner_id: str, address: str, name: str) -> dict[str, Any] | None:
    """A physical location for a German address 'Street 1, 44623 City', else None."""
    match = ADDRESS.match(address or "")
    if not match:
        return None
    loc_id = hid("location", kind, owner_id)
    return {
        "id": loc_id,
        "location_type": "physical",
        "name": name,
        "addresses": [
            {
                "id": hid("address", kind, owner_id),
                "location_id": loc_id,
                "address_1": match["street"].strip(),
                "city": match["city"],
                "state_province": "Nordrhein-Westfalen",
                "postal_code": match["postal"],
                "country": "DE",
                "address_type": "physical",
            }
        ],
    }


def eligibility(offer: dict[str, Any], groups: list[dict[str, Any]]) -> str:
    """A German free-text eligibility description from the offer's rules."""
    parts = []
    if groups:
        parts.append("Zielgruppen: " + ", ".join(g.get("name_de") or g["id"] for g in groups))
    if offer.get("genders"):
        parts.append("Geschlecht: " + ", ".join(offer["genders"]))
    if offer.get("residence_statuses"):
        parts.append("Aufenthaltsstatus: " + ", ".join(offer["residence_statuses"]))
    if offer.get("age_min") is not None or offer.get("age_max") is not None:
        parts.append(f"Alter: {offer.get('age_min', '')}–{offer.get('age_max', '')}")
    return "; ".join(parts)


def service(row: dict[str, Any], today: str, nested: bool = True) -> dict[str, Any]:
    """One offer as an HSDS service; `nested=False` gives the one-to-one fields only."""
    row = {
        k: [i for i in v if i and i.get("id") is not None] if isinstance(v, list) else v
        for k, v in row.items()
    }  # an OPTIONAL MATCH without a match collects a projection of nulls on FalkorDB
    offer, actor = row["offer"], row["actor"]
    sid = hid("offer", offer["id"])
    flat = _clean(
        {
            "id": sid,
            "organization_id": hid("actor", actor["id"]),
            "name": offer["name"],
            "alternate_name": offer["id"],
            "description": offer.get("description"),
            "email": offer.get("email"),
            "status": _status(offer, today),
            "eligibility_description": eligibility(offer, row.get("target_groups", [])),
            "minimum_age": offer.get("age_min"),
            "maximum_age": offer.get("age_max"),
            "wait_time": f"{offer['waiting_days']} Tage" if offer.get("waiting_days") else None,
        }
    )
    if not nested:
        return flat
    attributes = []
    for kind, items in (
        ("topic", row.get("topics", [])),
        ("target_group", row.get("target_groups", [])),
    ):
        for item in sorted(items, key=lambda i: i["id"]):
            attributes.append(
                {
                    "id": hid("attribute", offer["id"], kind, item["id"]),
                    "link_id": sid,
                    "link_type": kind,
                    "link_entity": "service",
                    "taxonomy_term_id": hid(kind, item["id"]),
                    "taxonomy_term": term(kind, item),
                }
            )
    if offer.get("category"):
        attributes.append(
            {
                "id": hid("attribute", offer["id"], "category"),
                "link_id": sid,
                "link_type": "category",
                "link_entity": "service",
                "taxonomy_term_id": hid("category", offer["category"]),
                "taxonomy_term": term("category", {"id": offer["category"]}),
                "value": offer["category"],
            }
        )
    loc = location("offer", offer["id"], offer.get("address", ""), offer["name"])
    at_locations = []
    if loc:
        at_locations.append(
            {
                "id": hid("service_at_location", offer["id"]),
                "service_id": sid,
                "location_id": loc["id"],
                "location": loc,
            }
        )
    return flat | _clean(
        {
            "organization": None,
            "phones": [
                {
                    "id": hid("phone", "offer", offer["id"]),
                    "service_id": sid,
                    "number": offer["phone"],
                }
            ]
            if offer.get("phone")
            else [],
            "contacts": [
                {
                    "id": hid("contact", "offer", offer["id"]),
                    "service_id": sid,
                    "email": offer["email"],
                }
            ]
            if offer.get("email")
            else [],
            "schedules": [
                {
                    "id": hid("schedule", offer["id"]),
                    "service_id": sid,
                    "description": offer["hours"],
                }
            ]
            if offer.get("hours")
            else [],
            "service_areas": [
                {
                    "id": hid("service_area", offer["id"], d["id"]),
                    "service_id": sid,
                    "name": d["name"],
                    "extent_type": "text",
                    "extent": d["name"],
                }
                for d in sorted(row.get("districts", []), key=lambda d: d["id"])
            ],
            "languages": [
                {
                    "id": hid("language", offer["id"], lang["id"]),
                    "service_id": sid,
                    "name": lang.get("name_en") or lang["id"],
                    "code": lang["id"],
                }
                for lang in sorted(row.get("languages", []), key=lambda x: x["id"])
            ],
            "service_at_locations": at_locations,
            "attributes": attributes,
        }
    )


def organization(row: dict[str, Any], nested: bool = True) -> dict[str, Any]:
    """One actor as an HSDS organization."""
    actor = row["actor"]
    oid = hid("actor", actor["id"])
    website = actor.get("website") or ""
    flat = _clean(
        {
            "id": oid,
            "name": actor["name"],
            "alternate_name": actor["id"],
            "description": actor.get("description") or actor["name"],
            "email": actor.get("email"),
            "website": website if website.startswith(("http://", "https://")) else None,
        }
    )
    if not nested:
        return flat
    loc = location("actor", actor["id"], actor.get("address", ""), actor["name"])
    if loc:
        loc["organization_id"] = oid
    return flat | _clean(
        {
            "phones": [
                {
                    "id": hid("phone", "actor", actor["id"]),
                    "organization_id": oid,
                    "number": actor["phone"],
                }
            ]
            if actor.get("phone")
            else [],
            "locations": [loc] if loc else [],
        }
    )


def services_page(graph: Graph, page: int, per_page: int, nested: bool = False) -> dict[str, Any]:
    """One page of services in the HSDS API's Page shape (page numbers start at 1)."""
    total = graph.query("hsds.count_services") or 0
    rows = graph.query("hsds.services_page", skip=(page - 1) * per_page, limit=per_page)
    today = _today()
    return _page([service(r, today, nested) for r in rows], total, page, per_page)


def organizations_page(
    graph: Graph, page: int, per_page: int, nested: bool = False
) -> dict[str, Any]:
    """One page of organizations in the HSDS API's Page shape."""
    total = graph.query("hsds.count_organizations") or 0
    rows = graph.query("hsds.organizations_page", skip=(page - 1) * per_page, limit=per_page)
    return _page([organization(r, nested) for r in rows], total, page, per_page)


def _page(contents: list[dict[str, Any]], total: int, page: int, per_page: int) -> dict[str, Any]:
    pages = max(1, -(-total // per_page))
    return {
        "total_items": total,
        "total_pages": pages,
        "page_number": page,
        "size": len(contents),
        "first_page": page == 1,
        "last_page": page >= pages,
        "empty": not contents,
        "contents": contents,
    }


def package_size(graph: Graph) -> int:
    """How many services and organizations build_package reads (for a progress bar)."""
    return (graph.query("hsds.count_services") or 0) + (
        graph.query("hsds.count_organizations") or 0
    )


def build_package(graph: Graph, progress: Callable[[int], Any] | None = None) -> dict[str, Any]:
    """The whole directory: organizations, services (nested), taxonomies and terms;
    `progress(n)` after each page of n services or organizations."""
    today = _today()
    services: list[dict[str, Any]] = []
    skip = 0
    while True:
        rows = graph.query("hsds.services_page", skip=skip, limit=PAGE)
        services += [service(r, today) for r in rows]
        if progress:
            progress(len(rows))
        skip += PAGE
        if len(rows) < PAGE:
            break
    organizations: list[dict[str, Any]] = []
    skip = 0
    while True:
        rows = graph.query("hsds.organizations_page", skip=skip, limit=PAGE)
        organizations += [organization(r) for r in rows]
        if progress:
            progress(len(rows))
        skip += PAGE
        if len(rows) < PAGE:
            break
    terms = [
        term(row["kind"], row, row.get("parent"))
        for row in sorted(graph.query("hsds.taxonomy"), key=lambda r: (r["kind"], r["id"]))
    ]
    categories = sorted(
        {
            a["taxonomy_term"]["code"]
            for s in services
            for a in s.get("attributes", [])
            if a["link_type"] == "category"
        }
    )
    terms += [term("category", {"id": c}) for c in categories]
    taxonomies = [
        {"id": hid("taxonomy", name), "name": name, "description": description}
        for name, description in TAXONOMIES.values()
    ]
    return {
        "organizations": organizations,
        "services": services,
        "taxonomies": taxonomies,
        "taxonomy_terms": terms,
    }


# --- writing the package -------------------------------------------------------------------

JSON_FILES = ("organizations", "services", "taxonomies", "taxonomy_terms")


def write_json(package: dict[str, Any], directory: Path) -> list[Path]:
    """The JSON form: one file per top-level table plus a datapackage.json descriptor."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name in JSON_FILES:
        path = directory / f"{name}.json"
        path.write_text(json.dumps(package[name], ensure_ascii=False, indent=1) + "\n", "utf-8")
        written.append(path)
    descriptor = {
        "name": "graphsvc-hsds",
        "profile": "data-package",
        "title": "graphsvc directory (Open Referral HSDS 3.0)",
        "resources": [{"name": n, "path": f"{n}.json", "format": "json"} for n in JSON_FILES],
    }
    path = directory / "datapackage.json"
    path.write_text(json.dumps(descriptor, indent=1) + "\n", "utf-8")
    return [*written, path]


def tables(package: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """The tabular form: nested objects flattened into one list of rows per HSDS table."""
    out: dict[str, list[dict[str, Any]]] = {
        name: []
        for name in (
            "organizations",
            "services",
            "locations",
            "addresses",
            "service_at_locations",
            "service_areas",
            "languages",
            "phones",
            "contacts",
            "schedules",
            "attributes",
            "taxonomies",
            "taxonomy_terms",
        )
    }
    for org in package["organizations"]:
        out["organizations"].append({k: v for k, v in org.items() if not isinstance(v, list)})
        out["phones"] += org.get("phones", [])
        for loc in org.get("locations", []):
            out["locations"].append({k: v for k, v in loc.items() if k != "addresses"})
            out["addresses"] += loc["addresses"]
    for svc in package["services"]:
        out["services"].append({k: v for k, v in svc.items() if not isinstance(v, list | dict)})
        for key in ("phones", "contacts", "schedules", "service_areas", "languages"):
            out[key] += svc.get(key, [])
        for sal in svc.get("service_at_locations", []):
            loc = sal["location"]
            out["service_at_locations"].append({k: v for k, v in sal.items() if k != "location"})
            out["locations"].append({k: v for k, v in loc.items() if k != "addresses"})
            out["addresses"] += loc["addresses"]
        for attr in svc.get("attributes", []):
            out["attributes"].append({k: v for k, v in attr.items() if k != "taxonomy_term"})
    out["taxonomies"] = list(package["taxonomies"])
    out["taxonomy_terms"] = list(package["taxonomy_terms"])
    return out


def write_csv(package: dict[str, Any], directory: Path) -> list[Path]:
    """The CSV tabular form: one <table>.csv per table (UTF-8, header row)."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, rows in tables(package).items():
        columns = sorted({k for row in rows for k in row}, key=lambda c: (c != "id", c))
        path = directory / f"{name}.csv"
        with path.open("w", encoding="utf-8", newline="") as out:
            plain = ({k: _cell(v) for k, v in row.items()} for row in rows)
            csvfile.Writer(out).writerows(csvfile.dict_rows(plain, columns or ["id"]))
        written.append(path)
    return written


def _cell(value: Any) -> Any:
    return value if not isinstance(value, bool) else str(value).lower()


# --- import --------------------------------------------------------------------------------

SCHEMA_DIR = Path(__file__).resolve().parents[2].parent / "shared" / "hsds" / "schema"
SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{1,80}$")
MAPPED_SERVICE = {
    "id",
    "organization_id",
    "name",
    "alternate_name",
    "description",
    "email",
    "status",
    "minimum_age",
    "maximum_age",
    "phones",
    "schedules",
    "languages",
    "service_areas",
    "attributes",
    "service_at_locations",
    "contacts",
    "eligibility_description",
    "organization",
}
MAPPED_ORGANIZATION = {
    "id",
    "name",
    "alternate_name",
    "description",
    "email",
    "website",
    "phones",
    "locations",
}


class HsdsError(Exception):
    """The package cannot be imported; `problems` lists every reason."""

    def __init__(self, problems: list[str]):
        super().__init__(f"{len(problems)} problems: " + "; ".join(problems[:5]))
        self.problems = problems


def _validators(schema_dir: Path) -> dict[str, Any] | None:
    try:
        import jsonschema
    except ImportError:
        return None
    if not (schema_dir / "compiled" / "service.json").exists():
        return None
    return {
        kind: jsonschema.Draft202012Validator(
            json.loads((schema_dir / "compiled" / f"{kind}.json").read_text(encoding="utf-8"))
        )
        for kind in ("organization", "service")
    }


def _local_id(obj: dict[str, Any], prefix: str) -> str:
    alternate = str(obj.get("alternate_name") or "")
    return alternate if SLUG.match(alternate) else f"{prefix}-{obj['id']}"[:80].lower()


def _address_text(locations: list[dict[str, Any]]) -> str | None:
    for loc in locations:
        for addr in loc.get("addresses", []):
            return (
                f"{addr.get('address_1', '')}, {addr.get('postal_code', '')} {addr.get('city', '')}"
            )
    return None


def plan_import(
    graph: Graph, directory: Path, municipality_id: str, schema_dir: Path = SCHEMA_DIR
) -> dict[str, Any]:
    """Read organizations.json and services.json of an HSDS package, validate every object,
    map what maps and report what does not. Raises HsdsError if anything fails the schema."""
    from . import spreadsheet

    problems: list[str] = []
    loaded: dict[str, list[dict[str, Any]]] = {}
    for name in ("organizations", "services"):
        path = directory / f"{name}.json"
        try:
            value = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            value = []
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise HsdsError([f"{path.name}: not UTF-8 JSON ({exc})"]) from None
        if not isinstance(value, list):
            raise HsdsError([f"{path.name}: expected a list of objects"])
        loaded[name] = value
    validators = _validators(schema_dir)
    for name, kind in (("organizations", "organization"), ("services", "service")):
        for index, obj in enumerate(loaded[name]):
            if validators:
                for err in validators[kind].iter_errors(obj):
                    where = "/".join(str(p) for p in err.absolute_path)
                    problems.append(f"{name}[{index}] {where}: {err.message}"[:300])
            elif not isinstance(obj, dict) or not obj.get("id") or not obj.get("name"):
                problems.append(f"{name}[{index}]: needs id and name")
    if problems:
        raise HsdsError(problems)
    vocab = spreadsheet.vocabulary(graph)
    unmapped: dict[str, int] = {}
    actors, by_hsds = [], {}
    for org in loaded["organizations"]:
        known = vocab["actors"].get(str(org.get("alternate_name", "")).lower())
        local = known or _local_id(org, "hsds")
        by_hsds[org["id"]] = local
        if known:
            continue  # an organisation the directory has: link to it, leave it unchanged
        for key in set(org) - MAPPED_ORGANIZATION:
            unmapped[f"organization.{key}"] = unmapped.get(f"organization.{key}", 0) + 1
        actors.append(
            {
                "id": local,
                "props": {
                    "name": org["name"],
                    "description": org.get("description"),
                    "email": org.get("email"),
                    "website": org.get("website"),
                    "kind": "other",
                    "municipality_id": municipality_id,
                    "phone": (org.get("phones") or [{}])[0].get("number"),
                    "address": _address_text(org.get("locations", [])),
                },
            }
        )
    rows: list[dict[str, Any]] = []
    for svc in loaded["services"]:
        for key in set(svc) - MAPPED_SERVICE:
            unmapped[f"service.{key}"] = unmapped.get(f"service.{key}", 0) + 1
        actor_id = by_hsds.get(svc.get("organization_id", "")) or vocab["actors"].get(
            str((svc.get("organization") or {}).get("alternate_name", "")).lower()
        )
        if not actor_id:
            unmapped["service without a known organization (skipped)"] = (
                unmapped.get("service without a known organization (skipped)", 0) + 1
            )
            continue
        links: dict[str, list[str]] = {
            "topics": [],
            "target_groups": [],
            "languages": [],
            "districts": [],
        }
        for attr in svc.get("attributes", []):
            term_obj = attr.get("taxonomy_term") or {}
            link_kind = {"topic": "topics", "target_group": "target_groups"}.get(
                attr.get("link_type")
            )
            candidates = [term_obj.get("code"), term_obj.get("name"), attr.get("value")]
            found: tuple[str, str] | None = None
            for table in [link_kind] if link_kind else ["topics", "target_groups"]:
                for c in candidates:
                    if c and str(c).lower() in vocab[table]:
                        found = (table, vocab[table][str(c).lower()])
                        break
                if found:
                    break
            if found:
                links[found[0]].append(found[1])
            elif attr.get("link_type") != "category":
                unmapped["attribute / taxonomy term"] = (
                    unmapped.get("attribute / taxonomy term", 0) + 1
                )
        for lang in svc.get("languages", []):
            code = str(lang.get("code") or lang.get("name") or "").lower()
            if code in vocab["languages"]:
                links["languages"].append(vocab["languages"][code])
            else:
                unmapped["language"] = unmapped.get("language", 0) + 1
        for area in svc.get("service_areas", []):
            name = str(area.get("name") or "").lower()
            if name in vocab["districts"]:
                links["districts"].append(vocab["districts"][name])
            else:
                unmapped["service_area"] = unmapped.get("service_area", 0) + 1
        category = next(
            (a.get("value") for a in svc.get("attributes", []) if a.get("link_type") == "category"),
            None,
        )
        rows.append(
            {
                "id": _local_id(svc, "hsds"),
                "actor_id": actor_id,
                "props": {
                    "name": svc["name"],
                    "description": svc.get("description"),
                    "email": svc.get("email"),
                    "age_min": svc.get("minimum_age"),
                    "age_max": svc.get("maximum_age"),
                    "category": category if category in model.OFFER_CATEGORIES else None,
                    "phone": (svc.get("phones") or [{}])[0].get("number"),
                    "hours": (svc.get("schedules") or [{}])[0].get("description"),
                    "address": _address_text(
                        [s.get("location", {}) for s in svc.get("service_at_locations", [])]
                    ),
                    "actor_id": actor_id,
                    "municipality_id": municipality_id,
                },
                **{k: sorted(set(v)) for k, v in links.items()},
            }
        )
    for row in rows:
        for key in ("age_min", "age_max"):
            value = row["props"][key]
            row["props"][key] = int(value) if isinstance(value, int | float) else None
    return {"actors": actors, "rows": rows, "unmapped": dict(sorted(unmapped.items()))}


def import_package(graph: Graph, plan: dict[str, Any]) -> int:
    """Write a planned HSDS import in one statement; return how many services were written."""
    written = graph.query("hsds.import_directory", actors=plan["actors"], rows=plan["rows"])
    return written[0]["written"] if written else 0
