"""HSDS 3.0 feeds written to the specification, in every shape real feeds come in, for the
import tests: the same two organisations and three services each time."""

from __future__ import annotations

import copy
import csv
import json
from pathlib import Path
from typing import Any

ORG_A = "0b7e7c2e-4f61-4d8c-9a0e-1c2d3e4f5a61"
ORG_B = "0b7e7c2e-4f61-4d8c-9a0e-1c2d3e4f5a62"
SVC_1 = "5a1c0f3e-8d2b-4e6f-a1b2-c3d4e5f60001"
SVC_2 = "5a1c0f3e-8d2b-4e6f-a1b2-c3d4e5f60002"
SVC_3 = "5a1c0f3e-8d2b-4e6f-a1b2-c3d4e5f60003"
TERM_HOUSING = "7d1e2f3a-4b5c-4d6e-8f90-a1b2c3d4e501"
TERM_WORK = "7d1e2f3a-4b5c-4d6e-8f90-a1b2c3d4e502"
TERM_REFUGEES = "7d1e2f3a-4b5c-4d6e-8f90-a1b2c3d4e503"
TAXONOMY = "7d1e2f3a-4b5c-4d6e-8f90-a1b2c3d4e500"


def uid(n: int) -> str:
    """A UUID for a part (phone, schedule, …)."""
    return f"9e000000-0000-4000-8000-{n:012d}"


TERMS = {
    TERM_HOUSING: {
        "id": TERM_HOUSING,
        "code": "housing",
        "name": "Wohnen",
        "description": "Wohnen",
    },
    TERM_WORK: {"id": TERM_WORK, "code": "work", "name": "Arbeit", "description": "Arbeit"},
    TERM_REFUGEES: {
        "id": TERM_REFUGEES,
        "code": "refugees",
        "name": "Geflüchtete",
        "description": "Geflüchtete",
    },
}
for _term in TERMS.values():
    _term["taxonomy_id"] = TAXONOMY


def organizations() -> list[dict[str, Any]]:
    """Two organizations, one-to-one fields plus a phone and a location."""
    return [
        {
            "id": ORG_A,
            "name": "Nachbarschaftshilfe Röhlinghausen e.V.",
            "alternate_name": "NBH Röhlinghausen",
            "description": "Verein für Nachbarschaftshilfe.",
            "email": "kontakt@nbh.example.org",
            "website": "https://nbh.example.org",
            "phones": [{"id": uid(1), "organization_id": ORG_A, "number": "+49 2325 111111"}],
            "locations": [
                {
                    "id": uid(2),
                    "organization_id": ORG_A,
                    "location_type": "physical",
                    "addresses": [
                        {
                            "id": uid(3),
                            "location_id": uid(2),
                            "address_1": "Hauptstraße 5",
                            "city": "Herne",
                            "state_province": "Nordrhein-Westfalen",
                            "postal_code": "44651",
                            "country": "DE",
                            "address_type": "physical",
                        }
                    ],
                }
            ],
        },
        {
            "id": ORG_B,
            "name": "Migrationsdienst Wanne",
            "description": "Beratung für Zugewanderte.",
        },
    ]


def _attribute(n: int, service: str, term: str, link_type: str) -> dict[str, Any]:
    return {
        "id": uid(n),
        "link_id": service,
        "link_type": link_type,
        "link_entity": "service",
        "taxonomy_term_id": term,
        "taxonomy_term": dict(TERMS[term]),
    }


def services() -> list[dict[str, Any]]:
    """Three services of the two organizations, each with the parts the graph maps and one
    part it does not (funding)."""
    return [
        {
            "id": SVC_1,
            "organization_id": ORG_A,
            "name": "Wohnungslotsen Röhlinghausen",
            "alternate_name": "Wohnlotsen",
            "description": "Hilfe bei der Wohnungssuche.\r\nAuch mit Hausbesuchen.",
            "email": "wohnen@nbh.example.org",
            "url": "https://nbh.example.org/wohnen",
            "status": "active",
            "eligibility_description": "Familien mit Fluchtgeschichte",
            "minimum_age": 18,
            "maximum_age": 99,
            "wait_time": "10 Tage",
            "phones": [{"id": uid(10), "service_id": SVC_1, "number": "+49 2325 222222"}],
            "contacts": [{"id": uid(11), "service_id": SVC_1, "name": "Frau Yilmaz"}],
            "schedules": [
                {
                    "id": uid(12),
                    "service_id": SVC_1,
                    "freq": "WEEKLY",
                    "byday": "MO,WE",
                    "opens_at": "09:00",
                    "closes_at": "12:30",
                }
            ],
            "languages": [
                {"id": uid(13), "service_id": SVC_1, "code": "ar", "name": "Arabic"},
                {"id": uid(14), "service_id": SVC_1, "code": "de", "name": "German"},
            ],
            "service_areas": [{"id": uid(15), "service_id": SVC_1, "name": "Wanne"}],
            "attributes": [
                _attribute(16, SVC_1, TERM_HOUSING, "topic"),
                _attribute(17, SVC_1, TERM_REFUGEES, "target_group"),
            ],
            "service_at_locations": [
                {
                    "id": uid(18),
                    "service_id": SVC_1,
                    "location_id": uid(19),
                    "location": {
                        "id": uid(19),
                        "location_type": "physical",
                        "addresses": [
                            {
                                "id": uid(20),
                                "location_id": uid(19),
                                "address_1": "Bahnhofstraße 10",
                                "city": "Herne",
                                "state_province": "Nordrhein-Westfalen",
                                "postal_code": "44623",
                                "country": "DE",
                                "address_type": "physical",
                            }
                        ],
                    },
                }
            ],
            "funding": [{"id": uid(21), "service_id": SVC_1, "source": "Land NRW"}],
        },
        {
            "id": SVC_2,
            "organization_id": ORG_A,
            "name": "Bewerbungswerkstatt",
            "description": "Bewerbungen schreiben, Vorstellungsgespräche üben.",
            "status": "active",
            "attributes": [_attribute(22, SVC_2, TERM_WORK, "topic")],
        },
        {
            "id": SVC_3,
            "organization_id": ORG_B,
            "name": "Sprechstunde Aufenthalt",
            "status": "temporarily closed",
            "schedules": [{"id": uid(23), "service_id": SVC_3, "description": "Di 14–16 Uhr"}],
            "attributes": [_attribute(24, SVC_3, TERM_HOUSING, "topic")],
        },
    ]


def write(directory: Path, name: str, value: Any) -> Path:
    """Write one JSON file into `directory` (made if missing)."""
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / name
    path.write_text(json.dumps(value, indent=1), encoding="utf-8")  # \uXXXX: also lone surrogates
    return path


def page(contents: list[dict[str, Any]]) -> dict[str, Any]:
    """A whole list as one page of the HSDS API (openapi.json: components.schemas.Page)."""
    return {
        "total_items": len(contents),
        "total_pages": 1,
        "page_number": 1,
        "size": len(contents),
        "first_page": True,
        "last_page": True,
        "empty": not contents,
        "contents": contents,
    }


def as_lists(directory: Path) -> Path:
    """organizations.json and services.json, each a list."""
    write(directory, "organizations.json", organizations())
    write(directory, "services.json", services())
    return directory


def as_pages(directory: Path) -> Path:
    """The API's page shape, as `/organizations?full=true` and `/services?full=true` give it."""
    write(directory, "organizations.json", page(organizations()))
    write(directory, "services.json", page(services()))
    return directory


def with_nested_organization(directory: Path) -> Path:
    """Services only, each naming its organization as a nested object."""
    orgs = {o["id"]: o for o in organizations()}
    listed = []
    for svc in services():
        svc["organization"] = copy.deepcopy(orgs[svc.pop("organization_id")])
        listed.append(svc)
    write(directory, "services.json", listed)
    return directory


def nested_in_organizations(directory: Path) -> Path:
    """Organizations only, each holding its services (without organization_id)."""
    orgs = organizations()
    for org in orgs:
        org["services"] = []
        for svc in services():
            if svc["organization_id"] == org["id"]:
                del svc["organization_id"]
                org["services"].append(svc)
    write(directory, "organizations.json", orgs)
    return directory


def service_at_locations(directory: Path) -> Path:
    """`/service_at_locations?full=true`: each one nests its service (with organization) and
    its location; the first service comes at two locations."""
    orgs = {o["id"]: o for o in organizations()}
    listed = []
    for svc in services():
        sals = svc.pop("service_at_locations", None) or [
            {"id": uid(900 + len(listed)), "service_id": svc["id"]}
        ]
        svc["organization"] = copy.deepcopy(orgs[svc["organization_id"]])
        for sal in sals:
            listed.append({**sal, "service": svc})
    second = copy.deepcopy(listed[0])
    second["id"] = uid(950)
    second["location"]["id"] = second["location_id"] = uid(951)
    second["location"]["addresses"][0]["id"] = uid(952)
    second["location"]["addresses"][0]["location_id"] = uid(951)
    listed.insert(1, second)
    write(directory, "service_at_locations.json", page(listed))
    return directory


# --- the tabular form: CSV files named and laid out as compiled/tabular.json says --------------

TABLE_FILES = {
    "organization": "organizations.csv",
    "service": "services.csv",
    "phone": "phones.csv",
    "contact": "contacts.csv",
    "schedule": "schedules.csv",
    "language": "languages.csv",
    "service_area": "service_areas.csv",
    "attribute": "attributes.csv",
    "taxonomy_term": "taxonomy_terms.csv",
    "service_at_location": "service_at_location.csv",
    "location": "locations.csv",
    "address": "addresses.csv",
    "funding": "funding.csv",
}


def tabular_rows() -> dict[str, list[dict[str, Any]]]:
    """The feed as one list of flat rows per table."""
    rows: dict[str, list[dict[str, Any]]] = {table: [] for table in TABLE_FILES}

    def flat(obj: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in obj.items() if not isinstance(v, list | dict)}

    for org in organizations():
        rows["organization"].append(flat(org))
        rows["phone"] += org.get("phones", [])
        for loc in org.get("locations", []):
            rows["location"].append(flat(loc))
            rows["address"] += loc["addresses"]
    for svc in services():
        rows["service"].append(flat(svc))
        for key, table in (
            ("phones", "phone"),
            ("contacts", "contact"),
            ("schedules", "schedule"),
            ("languages", "language"),
            ("service_areas", "service_area"),
            ("funding", "funding"),
        ):
            rows[table] += svc.get(key, [])
        for attr in svc.get("attributes", []):
            rows["attribute"].append(flat(attr))
        for sal in svc.get("service_at_locations", []):
            rows["service_at_location"].append(flat(sal))
            rows["location"].append(flat(sal["location"]))
            rows["address"] += sal["location"]["addresses"]
    rows["taxonomy_term"] = list(TERMS.values())
    return rows


def as_tabular(directory: Path, rows: dict[str, list[dict[str, Any]]] | None = None) -> Path:
    """CSV files with a datapackage.json listing them as tabular data resources."""
    directory.mkdir(parents=True, exist_ok=True)
    rows = rows or tabular_rows()
    resources = []
    for table, name in TABLE_FILES.items():
        columns = sorted({k for row in rows[table] for k in row}, key=lambda c: (c != "id", c))
        with (directory / name).open("w", encoding="utf-8", newline="") as out:
            writer = csv.DictWriter(out, fieldnames=columns)
            writer.writeheader()
            writer.writerows(rows[table])
        resources.append(
            {"name": table, "path": name, "profile": "tabular-data-resource", "format": "csv"}
        )
    write(directory, "datapackage.json", {"name": "feed", "resources": resources})
    return directory


SHAPES = {
    "lists": as_lists,
    "pages": as_pages,
    "nested_organization": with_nested_organization,
    "nested_services": nested_in_organizations,
    "service_at_locations": service_at_locations,
    "tabular": as_tabular,
}
