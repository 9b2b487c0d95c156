"""The admin's audit views: record ids and actions, no case content; every matching event in
the CSV export, pages in the page view; only the admin's own municipality."""

from __future__ import annotations

import csv
import io
import json

from graphsvc.services import audit
from graphsvc.services.audit import Who
from tests.web.test_cases_web import INTAKE, open_via_form


def _admin(app, auth):
    client = app.test_client()
    auth.login(client, roles=("admin",), actor="ki-herne")
    return client


def _rows(answer) -> list[dict]:
    return list(csv.DictReader(io.StringIO(answer.get_data(as_text=True))))


def test_admin_audit_shows_case_record_ids_but_no_case_content(app, auth, seeded):
    worker = app.test_client()
    auth.login(worker, actor="caritas-herne")
    opened = open_via_form(worker, auth)
    pseudonym = opened.headers["Location"].rstrip("/").split("/")[-1]
    worker.get(f"/cases/{pseudonym}")
    admin = _admin(app, auth)
    rows = [
        r for r in _rows(admin.get("/admin/audit.csv?action=case.")) if r["target"] == pseudonym
    ]
    assert {r["action"] for r in rows} >= {"case.open", "case.read"}
    for row in rows:
        details = json.loads(row["details"] or "{}")
        assert set(details) <= audit.RECORD_ID_KEYS, row
        assert not set(INTAKE["needs"]) & set(row["details"].replace('"', " ").split())
    page = admin.get("/admin/audit?action=case.").get_data(as_text=True)
    assert pseudonym in page and "housing" not in page


def test_csv_export_holds_every_matching_event(app, auth, seeded):
    who = Who({"id": "u-bulk", "username": "bulk.writer", "municipality_id": "herne"}, "10.0.0.1")
    for n in range(1203):
        audit.record(seeded, who, "bulk.test", target=str(n))
    admin = _admin(app, auth)
    answer = admin.get("/admin/audit.csv?action=bulk.")
    assert answer.is_streamed
    targets = [r["target"] for r in _rows(answer)]
    assert len(targets) == 1203 and len(set(targets)) == 1203
    assert targets[0] == "1202" and targets[-1] == "0"  # newest first


def test_page_view_pages_through_the_events(app, auth, seeded):
    who = Who({"id": "u-bulk", "username": "bulk.writer", "municipality_id": "herne"}, "10.0.0.1")
    for n in range(130):
        audit.record(seeded, who, "bulk.page", target=f"t{n}")
    admin = _admin(app, auth)
    first = admin.get("/admin/audit?action=bulk.").get_data(as_text=True)
    assert first.count('<tr class="event">') == audit.PAGE_SIZE
    later = first.split('rel="next" href="')[1].split('"')[0].replace("&amp;", "&")
    second = admin.get(later).get_data(as_text=True)
    assert second.count('<tr class="event">') == 130 - audit.PAGE_SIZE
    assert "t129" in first and "t0" in second and "t0<" not in first
    assert 'rel="next"' not in second


def test_admin_sees_only_events_of_their_municipality(app, auth, seeded):
    elsewhere = Who({"id": "u-x", "username": "fremd.admin", "municipality_id": "bochum"}, "")
    audit.record(seeded, elsewhere, "user.create", target="user-elsewhere")
    admin = _admin(app, auth)
    assert "user-elsewhere" not in admin.get("/admin/audit").get_data(as_text=True)
    assert "user-elsewhere" not in admin.get("/admin/audit.csv").get_data(as_text=True)
