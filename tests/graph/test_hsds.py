"""HSDS 3.0 export: every exported object validates against the official schemas."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from graphsvc.services import hsds
from tests.support import assert_offer_facets_match_relationships

SCHEMAS = Path(__file__).parents[2].parent / "shared" / "hsds" / "schema"
jsonschema = pytest.importorskip("jsonschema")


def _validator(name: str):
    path = SCHEMAS / name
    if not path.exists():
        pytest.skip(f"the HSDS schemas are not at {SCHEMAS}")
    schema = json.loads(path.read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def _errors(validator, obj) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(obj)]


def test_every_exported_service_and_organization_validates(seeded):
    package = hsds.build_package(seeded)
    assert len(package["services"]) == 110 and len(package["organizations"]) == 52
    services = _validator("compiled/service.json")
    for svc in package["services"]:
        assert not _errors(services, svc), svc["alternate_name"]
    organizations = _validator("compiled/organization.json")
    for org in package["organizations"]:
        assert not _errors(organizations, org), org["alternate_name"]
    terms = _validator("taxonomy_term.json")
    for item in package["taxonomy_terms"]:
        assert not _errors(terms, item)
    taxonomies = _validator("taxonomy.json")
    for item in package["taxonomies"]:
        assert not _errors(taxonomies, item)


def test_services_carry_the_parts_the_data_has(seeded):
    package = hsds.build_package(seeded)
    svc = next(s for s in package["services"] if s["alternate_name"] == "ki-kim-case-management")
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
    written = hsds.write_csv(package, tmp_path)
    names = {p.stem for p in written}
    assert {
        "organizations",
        "services",
        "locations",
        "addresses",
        "languages",
        "service_areas",
        "attributes",
        "taxonomy_terms",
        "phones",
        "schedules",
    } <= names
    singular = {
        "organizations": "organization",
        "services": "service",
        "addresses": "address",
        "phones": "phone",
        "taxonomy_terms": "taxonomy_term",
    }
    for table, name in singular.items():
        schema = json.loads((SCHEMAS / f"{name}.json").read_text(encoding="utf-8"))
        with (tmp_path / f"{table}.csv").open(encoding="utf-8", newline="") as source:
            rows = list(csv.DictReader(source))
        assert rows, table
        for row in rows:
            assert set(row) <= set(schema["properties"]), table
            for field in schema.get("required", []):
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


def test_an_exported_package_imports_back_mapping_what_maps(seeded, tmp_path):
    if not SCHEMAS.exists():
        pytest.skip(f"the HSDS schemas are not at {SCHEMAS}")
    package = hsds.build_package(seeded)
    for svc in package["services"][:5]:  # offers "from elsewhere": new ids
        svc["alternate_name"] = "Fremd " + svc["alternate_name"]
        svc["funding"] = [{"id": hsds.hid("funding", svc["id"]), "source": "Land NRW"}]
    package["services"] = package["services"][:5]
    hsds.write_json(package, tmp_path)
    plan = hsds.plan_import(seeded, tmp_path, "herne")
    assert len(plan["rows"]) == 5 and plan["actors"] == []  # known organisations stay as they are
    assert plan["unmapped"].get("service.funding") == 5
    before = seeded.query("hsds.count_services")
    assert hsds.import_package(seeded, plan) == 5
    assert seeded.query("hsds.count_services") == before + 5
    again = hsds.build_package(seeded)
    imported = [s for s in again["services"] if s["alternate_name"].startswith("hsds-")]
    assert len(imported) == 5 and all(s.get("attributes") for s in imported)
    assert_offer_facets_match_relationships(seeded)


def test_a_package_failing_the_schema_is_refused_and_nothing_written(seeded, tmp_path):
    if not SCHEMAS.exists():
        pytest.skip(f"the HSDS schemas are not at {SCHEMAS}")
    (tmp_path / "services.json").write_text(json.dumps([{"id": "x", "status": "open"}]))
    before = seeded.query("hsds.count_services")
    with pytest.raises(hsds.HsdsError) as caught:
        hsds.plan_import(seeded, tmp_path, "herne")
    assert any("name" in p for p in caught.value.problems)
    assert seeded.query("hsds.count_services") == before


def test_building_the_package_reports_progress_up_to_its_size(seeded):
    steps: list[int] = []
    package = hsds.build_package(seeded, steps.append)
    assert sum(steps) == hsds.package_size(seeded)
    assert sum(steps) == len(package["services"]) + len(package["organizations"])
