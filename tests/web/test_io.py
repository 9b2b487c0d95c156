"""Getting data in and out over HTTP: the HSDS API and the spreadsheet import pages."""

from __future__ import annotations

import io
import re

import pytest

from graphsvc.domain import hsds as hsds_rules
from graphsvc.services import audit


def test_hsds_services_are_paginated_in_hsds_shape(client, auth):
    headers = auth.token(roles=("network",))
    body = client.get("/api/v1/hsds/services?page=2&per_page=50", headers=headers).get_json()
    assert body["page_number"] == 2 and body["size"] == 50 and body["total_items"] == 110
    assert not body["first_page"] and not body["last_page"]
    assert {"id", "name", "status"} <= set(body["contents"][0])


def test_hsds_full_organizations_validate_against_the_schema(client, auth):
    validator = hsds_rules.validator("organization")
    headers = auth.token(roles=("case_manager",))
    body = client.get("/api/v1/hsds/organizations?per_page=200&full=true", headers=headers)
    contents = body.get_json()["contents"]
    assert len(contents) == 52
    for org in contents:
        assert not list(validator.iter_errors(org))


@pytest.mark.parametrize("query", ["page=0", "per_page=500", "page=abc", "full=yes", "colour=blue"])
def test_hsds_bad_paging_is_a_400_naming_the_field(client, auth, query):
    answer = client.get(f"/api/v1/hsds/services?{query}", headers=auth.token())
    assert answer.status_code == 400
    assert answer.get_json()["error"]["fields"]


def test_hsds_api_needs_a_login(client):
    assert client.get("/api/v1/hsds/services").status_code == 401


def _csv(rows: list[str]) -> bytes:
    header = "Kennung;Name;Träger;Themen;Stadtteile;Sprachen"
    return ("\n".join([header, *rows]) + "\n").encode("utf-8")


def _upload(client, auth, data: bytes, name: str = "angebote.csv"):
    token = auth.csrf(client, "/import/")
    return client.post(
        "/import/",
        data={"csrf_token": token, "file": (io.BytesIO(data), name)},
        content_type="multipart/form-data",
    )


def test_an_editor_uploads_previews_and_confirms_an_import(client, auth, seeded):
    auth.login(client, roles=("directory_editor",), actor="ki-herne")
    rows = [f"web-{i};Webangebot {i};ki-herne;Aufenthalt;Herne-Mitte;de" for i in range(3)]
    preview = _upload(client, auth, _csv(rows))
    assert preview.status_code == 200
    page = preview.get_data(as_text=True)
    assert "web-2" in page
    sha = re.search(r'name="sha256" type="hidden" value="([0-9a-f]{64})"', page)
    sha = sha or re.search(r'id="sha256" name="sha256" type="hidden" value="([0-9a-f]{64})"', page)
    assert sha
    assert seeded.query("hsds.count_services") == 110
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    done = client.post(
        "/import/confirm",
        data={"csrf_token": token, "sha256": sha.group(1), "filename": "angebote.csv"},
    )
    assert done.status_code == 303
    assert seeded.query("hsds.count_services") == 113
    events = audit.search(seeded, action="import.offers")
    assert events and sha.group(1) in events[0]["details"]


def test_a_broken_file_shows_every_problem_and_writes_nothing(client, auth, seeded):
    auth.login(client, roles=("admin",), actor="ki-herne")
    rows = ["bad-1;X;nobody;Aufenthalt;Herne-Mitte;de", "bad-2;Y;ki-herne;Aufenthal;Herne-Mitte;xx"]
    answer = _upload(client, auth, _csv(rows))
    assert answer.status_code == 400
    page = answer.get_data(as_text=True)
    assert "nobody" in page and "Aufenthal" in page and "xx" in page
    assert seeded.query("hsds.count_services") == 110


def test_formulas_and_broken_xlsx_are_refused(client, auth):
    auth.login(client, roles=("directory_editor",), actor="ki-herne")
    answer = _upload(client, auth, b"PK\x03\x04garbage", "kaputt.xlsx")
    assert answer.status_code == 400 and "XLSX" in answer.get_data(as_text=True)


def test_only_admins_and_editors_may_import(client, auth):
    auth.login(client, roles=("case_manager",), actor="ki-herne")
    assert client.get("/import/").status_code == 403
    assert client.get("/import/template.xlsx").status_code == 403


def test_the_template_downloads_as_xlsx(client, auth):
    auth.login(client, roles=("directory_editor",), actor="ki-herne")
    answer = client.get("/import/template.xlsx")
    assert answer.status_code == 200 and answer.data[:2] == b"PK"
    assert "Kennung" in client.get("/import/template.csv").get_data(as_text=True)


def test_problems_are_listed_in_german_and_in_english_on_request(client, auth):
    auth.login(client, roles=("directory_editor",), actor="ki-herne")
    rows = ["bad-1;X;ki-herne;Aufenthal;Herne-Mitte;de"]
    german = _upload(client, auth, _csv(rows)).get_data(as_text=True)
    assert "unbekannt; meinten Sie: aufenthalt?" in german
    client.get("/lang/en")
    english = _upload(client, auth, _csv(rows)).get_data(as_text=True)
    assert "unknown; did you mean: aufenthalt?" in english


def test_an_organisation_workbook_is_previewed_and_written_into_the_users_municipality(
    client, auth, seeded
):
    from graphsvc.services import spreadsheet

    auth.login(client, roles=("admin",), actor="ki-herne")
    answer = client.get("/import/template.csv?kind=organisations")
    assert answer.get_data(as_text=True).startswith("Kennung;Name;Art")
    unknown = client.get("/import/template.csv?kind=people")
    assert unknown.status_code == 400
    assert "kind muss offers oder organisations sein" in unknown.get_data(as_text=True)
    template = spreadsheet.template_xlsx()
    preview = _upload(client, auth, template, "vorlage.xlsx")
    page = preview.get_data(as_text=True)
    assert preview.status_code == 200 and "beispiel-verein" in page
    sha = re.search(r'name="sha256" type="hidden" value="([0-9a-f]{64})"', page).group(1)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    done = client.post(
        "/import/confirm", data={"csrf_token": token, "sha256": sha, "filename": "vorlage.xlsx"}
    )
    assert done.status_code == 303
    actor = client.get("/directory/actors/beispiel-verein")
    assert actor.status_code == 200
    event = audit.search(seeded, action="import.offers")[0]
    assert sha in event["details"] and '"actors": 1' in event["details"]


def test_the_upload_cap_follows_the_setting(backend, seeded, auth):
    from graphsvc import create_app

    app = create_app(backend.app_config(import_max_mb=1))
    try:
        client = app.test_client()
        auth.login(client, roles=("directory_editor",), actor="ki-herne")
        page = client.get("/import/").get_data(as_text=True)
        assert "1 MB" in page
        from werkzeug.datastructures import FileStorage
        from werkzeug.test import encode_multipart

        # Encoded here in memory: the test client would spool a body this large to a
        # temporary file it never closes (a ResourceWarning, an error under filterwarnings).
        token = auth.csrf(client, "/import/")
        boundary, body = encode_multipart(
            {
                "csrf_token": token,
                "file": FileStorage(io.BytesIO(b"x" * (1024 * 1024 + 1)), "gross.csv"),
            }
        )
        answer = client.post(
            "/import/", data=body, content_type=f"multipart/form-data; boundary={boundary}"
        )
        assert answer.status_code == 400
        assert "größer als 1 MB" in answer.get_data(as_text=True)
    finally:
        app.extensions["graphsvc.graph"].close()


def test_an_imported_offer_page_shows_what_the_feed_said(client, auth, seeded, tmp_path):
    from graphsvc.services import hsds
    from tests import hsds_feeds

    feed = hsds.read_feed(hsds_feeds.as_lists(tmp_path))
    plan = hsds.plan_import(seeded, feed, "herne")
    hsds.import_package(seeded, plan)
    offer = next(r["id"] for r in plan.rows if r["props"]["hsds_id"] == hsds_feeds.SVC_1)
    auth.login(client)
    page = client.get(f"/directory/offers/{offer}").get_data(as_text=True)
    for shown in ("Auch bekannt als: Wohnlotsen", "Familien mit Fluchtgeschichte", "Frau Yilmaz"):
        assert shown in page
    assert "Mo, Mi 09:00–12:30" in page and 'href="https://nbh.example.org/wohnen"' in page
