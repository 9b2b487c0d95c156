"""Unmet searches: a case manager's search that finds nothing suitable for a need is counted
anonymously and shows in the gap report as "searched, nothing suitable found", suppressed
like every other count."""

from __future__ import annotations

import pytest

from graphsvc.domain import clock

SEARCH = "/api/v1/offers/search?topics=recognition&district=wanne&languages=ar"


@pytest.fixture
def strict_app(backend, seeded):
    """The app with a waiting threshold of 0 days: every offer with a wait is too slow."""
    from graphsvc import create_app

    app = create_app(
        backend.app_config(
            unmet_wait_days=0,
        )
    )
    yield app
    app.extensions["graphsvc.graph"].close()


def test_a_search_without_a_suitable_offer_is_counted_once_without_case_or_user(
    strict_app, auth, seeded
):
    client = strict_app.test_client()
    headers = auth.token(actor="ki-herne")
    found = client.get(SEARCH, headers=headers)
    assert found.status_code == 200
    assert found.json["unmet_needs"] == {"recognition": "waiting"}
    client.get(SEARCH, headers=headers)  # the same search again: no new demand
    cells = [row["cell"] for row in seeded.query("testing.unmet_search_cells")]
    month = clock.today_iso()[:7]
    assert {(c["topic"], c["district"], c["language"], c["month"], c["n"]) for c in cells} == {
        ("recognition", "wanne", "*", month, 1),
        ("recognition", "wanne", "ar", month, 1),
    }
    for cell in cells:
        assert set(cell) == {
            "id",
            "municipality_id",
            "topic",
            "district",
            "language",
            "month",
            "reason",
            "n",
        }
    coordination = auth.token(roles=("coordination",), actor="ki-herne")
    client.get(SEARCH.replace("wanne", "eickel"), headers=coordination)
    assert len(seeded.query("testing.unmet_search_cells")) == 2


def test_a_search_with_a_suitable_offer_is_not_counted(app, auth, seeded):
    client = app.test_client()
    found = client.get(SEARCH, headers=auth.token(actor="ki-herne"))
    assert found.json["unmet_needs"] == {}
    assert seeded.query("testing.unmet_search_cells") == []


@pytest.mark.parametrize("searches, shown", [(5, 5), (2, None)])
def test_the_gap_report_shows_unmet_searches_with_small_cell_suppression(
    strict_app, auth, searches, shown
):
    client = strict_app.test_client()
    for _ in range(searches):
        client.get(SEARCH, headers=auth.token(actor="ki-herne"))
    page = strict_app.test_client()
    auth.login(page, roles=("coordination",), actor="ki-herne")
    report = page.get("/coordination/gaps.json").json
    [cell] = [c for c in report["unmet_searches"] if c["topic"] == "recognition"]
    assert (cell["district"], cell["cases"]) == ("wanne", shown)
    [by_language] = report["unmet_searches_by_language"]
    assert by_language["language"] == "ar" and by_language["cases"] == shown
    html = page.get("/coordination/gaps").get_data(as_text=True)
    assert 'id="unmet-searches"' in html
    csv = page.get("/coordination/gaps.csv").get_data(as_text=True)
    section = csv[csv.index("# Gesucht, nichts Passendes gefunden") :].split("\r\n\r\n")[0]
    assert ("×" if shown is None else f";{shown};") in section
