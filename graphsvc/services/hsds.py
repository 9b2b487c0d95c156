"""Open Referral HSDS 3.0: the directory as organizations, services and their parts, out
(export files, the API's pages) and in (import, checked and mapped by domain/hsds.py).

Mapping (graphsvc ↔ HSDS):
- Actor ↔ organization (name, alternate_name, description, email, website, phones,
  locations)
- Offer ↔ service (name, alternate_name, description, email, url ↔ website, status from
  valid_from/valid_until, minimum_age/maximum_age, wait_time ↔ waiting_days,
  eligibility_description: the imported text, else one made from target groups, genders
  and residence statuses), its address ↔ location + address + service_at_location,
  SERVES districts ↔ service_area, AVAILABLE_IN ↔ language, phone ↔ phone, contact name and
  e-mail ↔ contact, hours ↔ schedule (description; times on import), COVERS topics and FOR
  target groups ↔ attribute + taxonomy_term (taxonomies "graphsvc-topics",
  "graphsvc-target-groups"), category ↔ attribute "category".
HSDS ids must be UUIDs: an imported object keeps its own (`hsds_id`); every other one gets a
UUIDv5 of its graphsvc id, so exports are stable. Not exported: capacity, circle, keywords,
municipality and cases (never).
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..domain import clock, csvfile
from ..domain import hsds as feed_rules
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


def _web(address: str | None) -> str | None:
    """A web address HSDS accepts (a URI), else nothing."""
    return address if address and address.startswith(("http://", "https://")) else None


def _today() -> str:
    return clock.today_iso()


def _status(offer: dict[str, Any], today: str) -> str:
    # An imported service that was not active keeps its own word (temporarily closed, …)
    # for as long as its dates keep it out of the search.
    if offer.get("valid_from") and offer["valid_from"] > today:
        return offer.get("hsds_status") or "inactive"
    if offer.get("valid_until") and offer["valid_until"] < today:
        return offer.get("hsds_status") or "defunct"
    return "active"


def service_id(offer: dict[str, Any]) -> str:
    """The HSDS id of an offer: the one it was imported with, else derived from its id."""
    return offer.get("hsds_id") or hid("offer", offer["id"])


def organization_id(actor: dict[str, Any]) -> str:
    """The HSDS id of an actor: the one it was imported with, else derived from its id."""
    return actor.get("hsds_id") or hid("actor", actor["id"])


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
    sid = service_id(offer)
    flat = _clean(
        {
            "id": sid,
            "organization_id": organization_id(actor),
            "name": offer["name"],
            "alternate_name": offer.get("alternate_name"),
            "description": offer.get("description"),
            "url": _web(offer.get("website")),
            "email": offer.get("email"),
            "status": _status(offer, today),
            "eligibility_description": offer.get("eligibility_description")
            or eligibility(offer, row.get("target_groups", [])),
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
                _clean(
                    {
                        "id": hid("contact", "offer", offer["id"]),
                        "service_id": sid,
                        "name": offer.get("contact_name"),
                        "email": offer.get("email"),
                    }
                )
            ]
            if offer.get("email") or offer.get("contact_name")
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
    oid = organization_id(actor)
    flat = _clean(
        {
            "id": oid,
            "name": actor["name"],
            "alternate_name": actor.get("alternate_name"),
            "description": actor.get("description") or actor["name"],
            "email": actor.get("email"),
            "website": _web(actor.get("website")),
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
    """The tabular form: nested objects flattened into one list of rows per HSDS table
    (table names as in the specification's compiled/tabular.json)."""
    out: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    for org in package["organizations"]:
        out["organization"].append({k: v for k, v in org.items() if not isinstance(v, list)})
        out["phone"] += org.get("phones", [])
        for loc in org.get("locations", []):
            out["location"].append({k: v for k, v in loc.items() if k != "addresses"})
            out["address"] += loc["addresses"]
    for svc in package["services"]:
        out["service"].append({k: v for k, v in svc.items() if not isinstance(v, list | dict)})
        for key, table in (
            ("phones", "phone"),
            ("contacts", "contact"),
            ("schedules", "schedule"),
            ("service_areas", "service_area"),
            ("languages", "language"),
        ):
            out[table] += svc.get(key, [])
        for sal in svc.get("service_at_locations", []):
            loc = sal["location"]
            out["service_at_location"].append({k: v for k, v in sal.items() if k != "location"})
            out["location"].append({k: v for k, v in loc.items() if k != "addresses"})
            out["address"] += loc["addresses"]
        for attr in svc.get("attributes", []):
            out["attribute"].append({k: v for k, v in attr.items() if k != "taxonomy_term"})
    out["taxonomy"] = list(package["taxonomies"])
    out["taxonomy_term"] = list(package["taxonomy_terms"])
    return out


TABLES = (
    "organization",
    "service",
    "attribute",
    "service_at_location",
    "location",
    "phone",
    "contact",
    "address",
    "schedule",
    "service_area",
    "language",
    "taxonomy_term",
    "taxonomy",
)


def write_csv(package: dict[str, Any], directory: Path) -> list[Path]:
    """The tabular form: one CSV file per table under the specification's file name
    (`service_at_location.csv`, …), columns in its order, and a datapackage.json listing
    them as tabular data resources."""
    directory.mkdir(parents=True, exist_ok=True)
    written, resources = [], []
    spec = feed_rules.tabular()
    for name, rows in tables(package).items():
        fields = feed_rules.columns(name)
        extra = sorted({k for row in rows for k in row} - set(fields))
        if extra:  # a mapping bug, not bad input: the export must not drop data silently
            raise RuntimeError(f"{name}: columns outside the specification {extra}")
        path = directory / spec[name]["path"]
        with path.open("w", encoding="utf-8", newline="") as out:
            plain = ({k: _cell(v) for k, v in row.items()} for row in rows)
            csvfile.Writer(out).writerows(csvfile.dict_rows(plain, fields))
        written.append(path)
        resources.append(
            {
                "name": name,
                "path": path.name,
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": {
                    "fields": [
                        {"name": f, "type": _field_type(spec[name]["properties"][f])}
                        for f in fields
                    ],
                    "primaryKey": "id",
                },
            }
        )
    descriptor = {
        "name": "graphsvc-hsds",
        "profile": "tabular-data-package",
        "title": "graphsvc directory (Open Referral HSDS 3.0, tabular form)",
        "resources": resources,
    }
    path = directory / "datapackage.json"
    path.write_text(json.dumps(descriptor, ensure_ascii=False, indent=1) + "\n", "utf-8")
    return [*written, path]


def _field_type(spec: dict[str, Any]) -> str:
    return spec.get("datapackage_type") or spec.get("type") or "string"


def _cell(value: Any) -> Any:
    return value if not isinstance(value, bool) else str(value).lower()


# --- import --------------------------------------------------------------------------------

HsdsError = feed_rules.HsdsError
read_feed = feed_rules.read_feed


def _local_id(name: str, hsds_id: str) -> str:
    """A readable id for a new actor or offer; the same HSDS id gives the same id."""
    from .directory import _slug

    return f"{_slug(name)}-{hsds_id.replace('-', '')[:8].lower()}"


def directory_for(graph: Graph, municipality_id: str) -> feed_rules.Directory:
    """What the directory holds that an import matches against: HSDS ids (stored, or the
    ones the export derives) of actors and offers, and the vocabularies."""
    from . import spreadsheet

    held = graph.query("hsds.import_identities", municipality_id=municipality_id)
    if not held or not held["known"]:
        raise HsdsError(
            [
                feed_rules.Problem(
                    feed_rules.Where("--municipality"), "", f"no municipality {municipality_id!r}"
                )
            ]
        )
    actors = {}
    for actor in held["actors"]:
        if actor.get("id") is not None:
            key = actor.get("hsds_id") or hid("actor", actor["id"])
            actors[key] = {"id": actor["id"], "municipality_id": actor.get("municipality_id")}
    offers = {
        (offer.get("hsds_id") or hid("offer", offer["id"])): offer["id"]
        for offer in held["offers"]
        if offer.get("id") is not None
    }
    taken = {a["id"] for a in actors.values()} | set(offers.values())
    return feed_rules.Directory(
        municipality_id, spreadsheet.vocabulary(graph), actors, offers, taken
    )


def plan_import(
    graph: Graph,
    feed: feed_rules.Feed,
    municipality_id: str,
    progress: Callable[[int], Any] | None = None,
) -> feed_rules.Plan:
    """Check every object of a read feed, then map it onto the directory. Raises HsdsError
    naming every problem; nothing is written either way."""
    directory = directory_for(graph, municipality_id)
    problems = feed_rules.check(feed, progress) + feed_rules.age_problems(feed)
    if problems:
        raise HsdsError(problems)
    plan = feed_rules.plan(feed, directory, _local_id)
    if plan.problems:
        raise HsdsError(plan.problems)
    return plan


def import_package(graph: Graph, plan: feed_rules.Plan) -> int:
    """Write a planned HSDS import in one statement; return how many services were written."""
    written = graph.query(
        "hsds.import_directory", actors=plan.actors, rows=plan.rows, today=clock.today_iso()
    )
    return written[0]["written"] if written else 0
