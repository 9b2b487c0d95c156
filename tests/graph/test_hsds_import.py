"""HSDS import: feeds in every shape the specification allows import fully; broken feeds are
refused with the object, the place and the reason, and nothing is written."""

from __future__ import annotations

import copy
import json

import pytest

from graphsvc.services import hsds
from tests import hsds_feeds as feeds
from tests.support import assert_offer_facets_match_relationships


def _import(graph, source, municipality="herne"):
    feed = hsds.read_feed(source)
    plan = hsds.plan_import(graph, feed, municipality)
    hsds.import_package(graph, plan)
    return plan


def _offers(graph) -> dict[str, dict]:
    """The imported offers by HSDS id, as the export shows them."""
    package = hsds.build_package(graph)
    ids = {feeds.SVC_1, feeds.SVC_2, feeds.SVC_3}
    return {s["id"]: s for s in package["services"] if s["id"] in ids}


def _counts(graph) -> tuple[int, int]:
    return graph.query("hsds.count_services"), graph.query("hsds.count_organizations")


@pytest.mark.parametrize("shape", sorted(feeds.SHAPES))
def test_every_shape_of_the_feed_imports_every_service_with_what_maps(seeded, tmp_path, shape):
    before_services, before_orgs = _counts(seeded)
    plan = _import(seeded, feeds.SHAPES[shape](tmp_path / shape))
    assert _counts(seeded) == (before_services + 3, before_orgs + 2)
    assert len(plan.rows) == 3 and plan.updated == 0
    offers = _offers(seeded)
    assert set(offers) == {feeds.SVC_1, feeds.SVC_2, feeds.SVC_3}
    first = offers[feeds.SVC_1]
    assert first["organization_id"] == feeds.ORG_A  # the source's ids stay
    assert first["alternate_name"] == "Wohnlotsen"
    assert first["eligibility_description"] == "Familien mit Fluchtgeschichte"
    assert first["description"] == "Hilfe bei der Wohnungssuche.\nAuch mit Hausbesuchen."
    assert (first["minimum_age"], first["maximum_age"]) == (18, 99)
    assert first["wait_time"] == "10 Tage"
    assert first["url"] == "https://nbh.example.org/wohnen"
    assert first["contacts"][0]["name"] == "Frau Yilmaz"
    assert first["schedules"][0]["description"] == "Mo, Mi 09:00–12:30"
    assert first["phones"][0]["number"] == "+49 2325 222222"
    assert {lang["code"] for lang in first["languages"]} == {"ar", "de"}
    assert [a["name"] for a in first["service_areas"]] == ["Wanne"]
    address = first["service_at_locations"][0]["location"]["addresses"][0]
    assert (address["address_1"], address["postal_code"]) == ("Bahnhofstraße 10", "44623")
    codes = {a["taxonomy_term"]["code"] for a in first["attributes"]}
    assert codes == {"housing", "refugees"}
    closed = offers[feeds.SVC_3]
    assert closed["status"] == "temporarily closed"  # kept, and out of the referral search
    assert closed["schedules"][0]["description"] == "Di 14–16 Uhr"
    assert_offer_facets_match_relationships(seeded)
    # Nothing lost silently: the funding is reported with its place and value.
    assert any(
        "funding" in where and "/source" in where or "funding.csv" in where
        for where, _ in plan.unmapped
    ), plan.unmapped
    assert any('"Land NRW"' == value for _, value in plan.unmapped)


def test_a_temporarily_closed_service_is_not_proposed_by_the_referral_search(seeded, tmp_path):
    from graphsvc.domain import clock
    from graphsvc.services import search

    _import(seeded, feeds.as_lists(tmp_path))
    vocab = search.vocabulary(seeded, "herne")
    criteria = search.parse_criteria({"topics": ["housing"], "limit": ["50"]}, vocab)
    result = search.referral(seeded, "herne", criteria, clock.today_iso())
    found = {row["offer"]["name"] for row in result.as_dict()["results"]}
    assert "Wohnungslotsen Röhlinghausen" in found
    assert "Sprechstunde Aufenthalt" not in found


@pytest.fixture
def second(engine, settings):
    """Another seeded graph on the same engine: where an export is imported again."""
    from graphsvc.services import setup
    from tests.support import SEEDS, connect_for_tests

    graph = connect_for_tests(
        settings.with_overrides(graph_name=settings.graph_name + "-2"), engine.url
    )
    graph.apply_schema()
    setup.prepare(graph, SEEDS)
    yield graph
    graph.drop()
    graph.close()


def _own(package: dict) -> dict:
    """The part of an export that came from the feed (the seeds are in every graph)."""
    ids = {feeds.SVC_1, feeds.SVC_2, feeds.SVC_3}
    return {
        **package,
        "services": [s for s in package["services"] if s["id"] in ids],
        "organizations": [
            o for o in package["organizations"] if o["id"] in (feeds.ORG_A, feeds.ORG_B)
        ],
    }


@pytest.mark.parametrize("form", ["json", "csv"])
def test_import_then_export_then_import_gives_the_same_offers_and_hsds_ids(
    seeded, second, tmp_path, form
):
    _import(seeded, feeds.as_lists(tmp_path / "feed"))
    first = _offers(seeded)
    out = tmp_path / "export"
    package = _own(hsds.build_package(seeded))
    (hsds.write_csv if form == "csv" else hsds.write_json)(package, out)
    plan = _import(second, out)
    assert plan.updated == 0 and len(plan.rows) == 3 and len(plan.actors) == 2
    assert _offers(second) == first
    # ... and importing it once more changes nothing and adds nothing.
    before = _counts(second)
    plan = _import(second, out)
    assert plan.updated == 3 and plan.actors == [] and _counts(second) == before
    assert _offers(second) == first
    assert plan.unmapped == [], plan.unmapped


def test_a_description_starting_with_a_dash_survives_the_tabular_round_trip(
    seeded, second, tmp_path
):
    _import(seeded, feeds.as_lists(tmp_path / "feed"))
    package = _own(hsds.build_package(seeded))
    text = "- Beratung\n- Begleitung"
    package["services"][0]["description"] = text
    written = hsds.write_csv(package, tmp_path / "export")
    service_csv = next(p for p in written if p.name == "services.csv").read_text("utf-8")
    assert "'- Beratung" in service_csv  # a spreadsheet would take it for a formula
    _import(second, tmp_path / "export")
    assert _offers(second)[package["services"][0]["id"]]["description"] == text


def test_reimporting_the_own_export_updates_every_offer_and_adds_none(seeded, tmp_path):
    package = hsds.build_package(seeded)
    hsds.write_json(package, tmp_path / "json")
    before = _counts(seeded)
    plan = _import(seeded, tmp_path / "json")
    assert plan.updated == 110 and plan.actors == [] and _counts(seeded) == before
    assert not [u for u in plan.unmapped if "wait_time" in u[0]]
    again = hsds.build_package(seeded)
    assert [s["id"] for s in again["services"]] == [s["id"] for s in package["services"]]
    assert [s["status"] for s in again["services"]] == [s["status"] for s in package["services"]]
    assert_offer_facets_match_relationships(seeded)


def test_the_csv_export_uses_the_specifications_file_names_and_lists_them(seeded, tmp_path):
    from graphsvc.domain import hsds as rules

    written = hsds.write_csv(hsds.build_package(seeded), tmp_path)
    names = {p.name for p in written}
    assert {"service_at_location.csv", "services.csv", "organizations.csv"} <= names
    assert "service_at_locations.csv" not in names
    descriptor = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    listed = {r["path"]: r for r in descriptor["resources"]}
    assert set(listed) == names - {"datapackage.json"}
    spec = rules.tabular()
    for resource in descriptor["resources"]:
        assert resource["path"] == spec[resource["name"]]["path"]
        assert resource["profile"] == "tabular-data-resource"
        header = (tmp_path / resource["path"]).read_text(encoding="utf-8").splitlines()[0]
        assert header.split(",") == [f["name"] for f in resource["schema"]["fields"]]


# --- refusals: every problem named, nothing written --------------------------------------------


def _refused(graph, source, municipality="herne") -> list[str]:
    """The problems of a refused import, after checking that nothing was written."""
    before = _counts(graph)
    with pytest.raises(hsds.HsdsError) as refused:
        _import(graph, source, municipality)
    assert _counts(graph) == before
    return [str(p) for p in refused.value.problems]


def _broken(graph, tmp_path, change) -> list[str]:
    services = feeds.services()
    orgs = feeds.organizations()
    change(services, orgs)
    feeds.write(tmp_path, "organizations.json", orgs)
    feeds.write(tmp_path, "services.json", services)
    return _refused(graph, tmp_path)


def _set(index, key, value):
    def change(services, _orgs):
        services[index][key] = value

    return change


@pytest.mark.parametrize(
    ("change", "place", "reason"),
    [
        (lambda s, o: s[0].pop("status"), "services.json#/0", "'status' is a required property"),
        (_set(0, "minimum_age", "twelve"), "services.json#/0/minimum_age", "not of type 'number'"),
        (_set(0, "languages", "ar, de"), "services.json#/0/languages", "not of type 'array'"),
        (_set(1, "status", "open"), "services.json#/1/status", "is not one of"),
        (_set(1, "id", "svc-2"), "services.json#/1/id", "is not a 'uuid'"),
        (
            _set(2, "id", feeds.SVC_1),
            "services.json#/2/id",
            "duplicate id: also at services.json#/0",
        ),
        (_set(1, "description", "x" * 5_000_000), "services.json#/1/description", "at most 4000"),
        (_set(0, "minimum_age", 150), "services.json#/0/minimum_age", "from 0 to 120"),
        (_set(0, "minimum_age", 12.5), "services.json#/0/minimum_age", "whole number"),
        (_set(1, "name", "a\x00b"), "services.json#/1/name", "control character"),
        (_set(1, "name", "a\ud800b"), "services.json#/1/name", "surrogate"),
        (
            _set(1, "organization_id", "00000000-0000-4000-8000-000000000000"),
            "services.json#/1/organization_id",
            "names no organization",
        ),
        (
            lambda s, o: o[1].pop("description"),
            "organizations.json#/1",
            "'description' is a required property",
        ),
        (
            lambda s, o: o.append(copy.deepcopy(o[0])),
            "organizations.json#/2/id",
            "duplicate id",
        ),
    ],
)
def test_a_broken_object_is_refused_naming_object_place_and_reason(
    seeded, tmp_path, change, place, reason
):
    problems = _broken(seeded, tmp_path, change)
    assert any(p.startswith(place) and reason in p for p in problems), problems
    assert all("(service " in p or "(organization " in p for p in problems), problems


def test_an_unknown_municipality_is_refused(seeded, tmp_path):
    problems = _refused(seeded, feeds.as_lists(tmp_path), municipality="atlantis")
    assert "no municipality 'atlantis'" in problems[0]


@pytest.mark.parametrize(
    ("files", "reason"),
    [
        ({}, "no HSDS data found"),
        ({"notes.txt": "hello"}, "no HSDS data found"),
        ({"services.json": '{"hello": 1}'}, "not HSDS JSON"),
        ({"services.json": "[1, 2"}, "not valid JSON"),
        ({"services.json": "[" * 100_000 + "]" * 100_000}, "nested too deeply"),
        ({"unknown.csv": "id\n1\n"}, "not a table of the HSDS tabular form"),
    ],
)
def test_an_empty_or_unrecognised_folder_is_refused(seeded, tmp_path, files, reason):
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    problems = _refused(seeded, tmp_path)
    assert any(reason in p for p in problems), problems


def test_a_page_without_its_other_pages_is_refused(seeded, tmp_path):
    part = feeds.page(feeds.services()[:2])
    part.update(total_items=3, total_pages=2, last_page=False)
    feeds.write(tmp_path, "organizations.json", feeds.organizations())
    feeds.write(tmp_path, "services.json", part)
    problems = _refused(seeded, tmp_path)
    assert any("holds 2 of 3 items" in p for p in problems), problems


def test_a_broken_csv_cell_is_refused_naming_file_row_and_column(seeded, tmp_path):
    rows = feeds.tabular_rows()
    rows["service"][1]["minimum_age"] = "zwölf"
    rows["service"][2]["status"] = "offen"
    problems = _refused(seeded, feeds.as_tabular(tmp_path, rows))
    assert any(p.startswith("services.csv, row 3, column minimum_age") for p in problems), problems
    assert any(p.startswith("services.csv, row 4, column status") for p in problems), problems


def test_a_datapackage_naming_a_missing_file_is_refused(seeded, tmp_path):
    feeds.as_tabular(tmp_path)
    (tmp_path / "phones.csv").unlink()
    problems = _refused(seeded, tmp_path)
    assert any("no file 'phones.csv'" in p for p in problems), problems


def test_the_own_export_of_an_older_version_with_wait_time_imports(seeded, tmp_path):
    services = feeds.services()
    services[1]["wait_time"] = "3 Wochen"  # not a number of days: reported, not refused
    feeds.write(tmp_path, "organizations.json", feeds.organizations())
    feeds.write(tmp_path, "services.json", services)
    plan = _import(seeded, tmp_path)
    assert ("services.json#/1/wait_time", '"3 Wochen"') in plan.unmapped
