"""HSDS 3.0 export: every exported object validates against the official schemas, which
ship inside the package."""

from __future__ import annotations

import csv
import json

import jsonschema
import pytest

from graphsvc.domain import hsds as rules
from graphsvc.services import hsds
from tests.support import ROOT

SCHEMAS = rules.schema_folder()
SHARED = ROOT.parent / "shared" / "hsds" / "schema"


def _validator(name: str):
    if name.startswith("compiled/"):
        schema = json.loads((SCHEMAS / name).read_text(encoding="utf-8"))
        return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    return rules.validator(name.removesuffix(".json"))


def test_the_shipped_schemas_are_the_specifications_files_unchanged():
    assert (SCHEMAS / "LICENSE").exists() and "CC BY-SA 4.0" in (SCHEMAS / "README.md").read_text()
    if not SHARED.exists():
        pytest.skip(f"no copy of the specification at {SHARED} to compare with")
    for path in sorted(SCHEMAS.rglob("*.json")):
        original = SHARED / path.relative_to(SCHEMAS)
        assert path.read_bytes() == original.read_bytes(), path.name


def test_the_shipped_schemas_check_as_strictly_as_the_compiled_ones(seeded):
    if not (SHARED / "compiled" / "service.json").exists():
        pytest.skip(f"no compiled schemas at {SHARED} to compare with")
    compiled = json.loads((SHARED / "compiled" / "service.json").read_text(encoding="utf-8"))
    full = jsonschema.Draft202012Validator(compiled, format_checker=jsonschema.FormatChecker())
    svc = hsds.build_package(seeded)["services"][0]
    broken = [
        svc,
        {**svc, "status": "open"},
        {**svc, "id": "x"},
        {**svc, "phones": [{"id": svc["id"]}]},
        {**svc, "languages": "de"},
        {**svc, "organization": {"id": svc["id"], "name": "x"}},
    ]
    for case in broken:
        ours = sorted(e.message for e in rules.validator("service").iter_errors(case))
        assert ours == sorted(e.message for e in full.iter_errors(case))


def _errors(validator, obj) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(obj)]


def test_every_exported_service_and_organization_validates(seeded):
    package = hsds.build_package(seeded)
    assert len(package["services"]) == 110 and len(package["organizations"]) == 52
    services = _validator("service.json")
    for svc in package["services"]:
        assert not _errors(services, svc), svc["name"]
    organizations = _validator("organization.json")
    for org in package["organizations"]:
        assert not _errors(organizations, org), org["name"]
    terms = _validator("taxonomy_term.json")
    for item in package["taxonomy_terms"]:
        assert not _errors(terms, item)
    taxonomies = _validator("taxonomy.json")
    for item in package["taxonomies"]:
        assert not _errors(taxonomies, item)


def test_services_carry_the_parts_the_data_has(seeded):
    package = hsds.build_package(seeded)
    wanted = hsds.hid("offer", "ki-kim-case-management")
    svc = next(s for s in package["services"] if s["id"] == wanted)
    for part in ("phones", "contacts", "schedules", "attributes", "service_at_locations"):
        assert svc.get(part), part
    address = svc["service_at_locations"][0]["location"]["addresses"][0]
    assert address["postal_code"] == "44623" and address["city"] == "Herne"
    assert {a["link_type"] for a in svc["attributes"]} >= {"topic", "category"}
    assert any(s.get("languages") for s in package["services"])
    assert any(s.get("service_areas") for s in package["services"])
    ids = [s["id"] for s in package["services"]]
    assert len(set(ids)) == len(ids)
    assert hsds.build_package(seeded)["services"][0]["id"] == ids[0]  # stable ids


def test_the_csv_tabular_form_has_one_valid_row_per_object(seeded, tmp_path):
    package = hsds.build_package(seeded)
    hsds.write_csv(package, tmp_path)
    descriptor = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    tables = {r["name"]: r["path"] for r in descriptor["resources"]}
    assert {
        "organization",
        "service",
        "location",
        "address",
        "language",
        "service_area",
        "attribute",
        "taxonomy_term",
        "phone",
        "schedule",
        "service_at_location",
    } <= set(tables)
    for table, path in tables.items():
        with (tmp_path / path).open(encoding="utf-8", newline="") as source:
            rows = list(csv.DictReader(source))
        assert rows, table
        check = rules.validator(table)
        spec = rules.tabular()[table]["properties"]
        for row in rows:
            typed = {k: rules._typed(v, spec[k]) for k, v in row.items() if v != ""}
            assert not _errors(check, typed), (table, row)
            for field in rules.tabular()[table].get("tabular_required", []):
                assert row.get(field), f"{table}.{field}"
    with (tmp_path / "services.csv").open(encoding="utf-8", newline="") as source:
        assert len(list(csv.DictReader(source))) == 110


def test_api_pages_have_the_hsds_page_shape(seeded):
    first = hsds.services_page(seeded, page=1, per_page=50)
    assert first["total_items"] == 110 and first["total_pages"] == 3
    assert first["first_page"] and not first["last_page"] and first["size"] == 50
    last = hsds.services_page(seeded, page=3, per_page=50)
    assert last["last_page"] and last["size"] == 10
    beyond = hsds.services_page(seeded, page=9, per_page=50)
    assert beyond["empty"] and beyond["contents"] == []
    flat = _validator("compiled/service_list.json")
    for item in first["contents"]:
        assert not _errors(flat, item)
    orgs = hsds.organizations_page(seeded, page=1, per_page=100)
    assert orgs["total_items"] == 52 and orgs["size"] == 52


def test_building_the_package_reports_progress_up_to_its_size(seeded):
    steps: list[int] = []
    package = hsds.build_package(seeded, steps.append)
    assert sum(steps) == hsds.package_size(seeded)
    assert sum(steps) == len(package["services"]) + len(package["organizations"])
