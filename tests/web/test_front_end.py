"""The everyday front end over HTTP: text as browsers send it, feedback at the top, the offer
picker, the search from a case, German formats, and no Ctrl-click list boxes."""

from __future__ import annotations

import io
import re

import pytest
from openpyxl import load_workbook

from graphsvc.services import cases, directory, themes
from graphsvc.services.audit import Who
from graphsvc.web import formats

INTAKE = {
    "district_id": "wanne",
    "needs": ["housing", "work"],
    "intake_outcome": "case_management",
    "access_route": "self_referral",
    "age_band": "27-44",
    "gender": "male",
    "residence_status": "protection-granted",
    "languages": ["ar"],
}


def post(client, auth, path, page, **data):
    return client.post(path, data={**data, "csrf_token": auth.csrf(client, page)})


def open_case(client, auth, **extra) -> str:
    answer = post(client, auth, "/cases/new", "/cases/new", **{**INTAKE, **extra})
    assert answer.status_code == 302, answer.get_data(as_text=True)
    return answer.headers["Location"]


def who_at(graph, actor: str) -> Who:
    """A case manager of `actor`, as the services see one."""
    user = {"id": "u-test", "username": "t", "actor_id": actor, "municipality_id": "herne"}
    return Who(user, "127.0.0.1")


def test_a_note_typed_in_a_browser_keeps_its_lines(app, auth, seeded):
    client = app.test_client()
    auth.login(client, actor="caritas-herne")
    location = open_case(client, auth, notes="Sucht Wohnung\r\nFolgetermin im Januar\rEnde")
    data = cases.read_case(seeded, who_at(seeded, "caritas-herne"), location.rsplit("/", 1)[1])
    assert data["case"]["notes"] == "Sucht Wohnung\nFolgetermin im Januar\nEnde"


def test_another_control_character_is_refused_beside_the_field(app, auth):
    client = app.test_client()
    auth.login(client, actor="caritas-herne")
    answer = post(client, auth, "/cases/new", "/cases/new", **INTAKE, notes="Klingel\x07ton")
    page = answer.get_data(as_text=True)
    assert answer.status_code == 400
    assert 'id="notes-errors"' in page and "Steuerzeichen" in page
    assert 'role="alert"' in page and 'href="#notes"' in page


def test_every_textarea_takes_two_lines_from_a_browser(app, auth, seeded):
    client = app.test_client()
    auth.login(client, roles=("coordination",), actor="ki-herne")
    theme = post(
        client,
        auth,
        "/coordination/themes/new",
        "/coordination/themes/new",
        title="Wartezeiten",
        description="Erste Zeile\r\nZweite Zeile",
        cases="HER-2026-0218\r\nHER-2026-0219",
    )
    assert theme.status_code == 302
    found = [t for t in themes.list_themes(seeded, "herne") if t["title"] == "Wartezeiten"][0]
    assert found["description"] == "Erste Zeile\nZweite Zeile"
    assert sorted(found["cases"]) == ["HER-2026-0218", "HER-2026-0219"]

    auth.login(client, roles=("directory_editor",), actor="caritas-herne")
    actor = post(
        client,
        auth,
        "/directory/actors/new",
        "/directory/actors/new",
        name="Treffpunkt",
        kind="association",
        district_id="wanne",
        description="Dienstags offen\r\nSonst nach Absprache",
    )
    assert actor.status_code == 302
    actor_id = actor.headers["Location"].rsplit("/", 1)[1]
    assert directory.get_actor(seeded, actor_id, "2026-11-29")["actor"]["description"] == (
        "Dienstags offen\nSonst nach Absprache"
    )
    offer = post(
        client,
        auth,
        f"/directory/offers/new?actor={actor_id}",
        f"/directory/offers/new?actor={actor_id}",
        name="Sprachcafé",
        description="Deutsch üben\r\nmit Kinderbetreuung",
        category="counselling",
        circle="outer",
        topic_ids=["language-course"],
        district_ids=["wanne"],
        language_ids=["de"],
    )
    assert offer.status_code == 302
    offer_id = offer.headers["Location"].rsplit("/", 1)[1]
    stored = directory.get_offer(seeded, offer_id, "2026-11-29")["offer"]["description"]
    assert stored == "Deutsch üben\nmit Kinderbetreuung"

    # The stored line break comes back in the edit form; sent again as CRLF, it saves unchanged.
    page = client.get(f"/directory/offers/{offer_id}/edit").get_data(as_text=True)
    assert "Deutsch üben\nmit Kinderbetreuung</textarea>" in page
    version = re.search(r'name="version" type="hidden" value="(\d+)"', page).group(1)
    again = post(
        client,
        auth,
        f"/directory/offers/{offer_id}/edit",
        f"/directory/offers/{offer_id}/edit",
        name="Sprachcafé",
        description="Deutsch üben\r\nmit Kinderbetreuung",
        category="counselling",
        circle="outer",
        topic_ids=["language-course"],
        district_ids=["wanne"],
        language_ids=["de"],
        version=version,
    )
    assert again.status_code == 302
    assert directory.get_offer(seeded, offer_id, "2026-11-29")["offer"]["description"] == stored


def test_link_feedback_of_two_lines_and_feedback_at_the_top(app, auth, seeded):
    client = app.test_client()
    auth.login(client, actor="caritas-herne")
    location = open_case(client, auth)
    refused = post(
        client,
        auth,
        f"{location}/links",
        location,
        version=1,
        offer_id="caritas-wohnungslotsen-wanne",
        topic="housing",
        mode="referral",
    )
    page = refused.get_data(as_text=True)
    assert refused.status_code == 400
    # At the top, as an alert linking to the field; beside the field, the same reason.
    assert page.index('role="alert"') < page.index('id="needs"')
    assert 'href="#link-topic"' in page and 'id="link-topic-errors"' in page

    signed = post(
        client, auth, f"{location}/consent", location, version=1, topic="housing",
        signed_on="2026-11-02",
    )  # fmt: skip
    assert signed.status_code == 302
    page = client.get(location).get_data(as_text=True)
    assert 'class="flash success" role="status"' in page and "02.11.2026" in page
    linked = post(
        client,
        auth,
        f"{location}/links",
        location,
        version=2,
        offer_id="caritas-wohnungslotsen-wanne",
        topic="housing",
        mode="referral",
    )
    assert linked.status_code == 302
    page = client.get(location).get_data(as_text=True)
    assert "Wohnungslotsen Wanne" in page and "verknüpft" in page
    link = re.search(r'data-link="([0-9a-f]+)"', page).group(1)
    answered = post(
        client,
        auth,
        f"{location}/links/{link}",
        location,
        version=3,
        status="accepted",
        feedback="Termin Montag\r\nUnterlagen mitbringen",
    )
    assert answered.status_code == 302
    data = cases.read_case(seeded, who_at(seeded, "caritas-herne"), location.rsplit("/", 1)[1])
    assert data["links"][0]["feedback"] == "Termin Montag\nUnterlagen mitbringen"


def test_the_case_page_has_unique_ids_and_a_summary(app, auth):
    client = app.test_client()
    auth.login(client, actor="caritas-herne")
    location = open_case(client, auth)
    page = client.get(location).get_data(as_text=True)
    ids = re.findall(r'\sid="([^"]+)"', page)
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})
    for part in ("next-step", "open-needs", "waiver-state", "open-links"):
        assert f'id="{part}"' in page
    assert "Datenschutzerklärung und Beratungsvereinbarung eintragen" in page


def test_the_offer_picker_finds_running_offers_by_name_organisation_and_district(client, auth):
    auth.login(client, actor="caritas-herne")
    by_name = client.get("/directory/offer-choices?q=wohnungslotsen").get_json()["offers"]
    assert {o["id"] for o in by_name} >= {"caritas-wohnungslotsen-wanne"}
    by_actor = client.get("/directory/offer-choices?q=caritas wanne").get_json()["offers"]
    assert by_actor and all(
        "Caritas" in o["actor"] or "Wanne" in " ".join([o["name"], *o["districts"]])
        for o in by_actor
    )
    assert client.get("/directory/offer-choices?q=").get_json() == {"offers": []}
    expired = client.get("/directory/offer-choices?q=Integrationslotsen").get_json()["offers"]
    assert "ki-integrationslotsen" not in {o["id"] for o in expired}


def test_the_search_from_a_case_marks_its_linked_offers_and_links_back(app, auth, seeded):
    client = app.test_client()
    auth.login(client, actor="caritas-herne")
    location = open_case(client, auth)
    pseudonym = location.rsplit("/", 1)[1]
    post(client, auth, f"{location}/consent", location, version=1, topic="housing",
         signed_on="2026-11-02")  # fmt: skip
    post(client, auth, f"{location}/links", location, version=2,
         offer_id="caritas-wohnungslotsen-wanne", topic="housing", mode="referral")  # fmt: skip
    page = client.get(location).get_data(as_text=True)
    search = re.search(r'id="search-for-case" href="([^"]+)"', page).group(1)
    search = search.replace("&amp;", "&")
    assert "age_band=27-44" in search and "gender=male" in search
    assert re.findall(r"topics=([\w-]+)", search) == ["work"], "housing is no longer open"
    results = client.get(search.replace("topics=work", "topics=housing")).get_data(as_text=True)
    assert 'data-offer="caritas-wohnungslotsen-wanne" data-linked="proposed"' in results
    assert f"/cases/{pseudonym}?offer=" in results
    # Another organisation's case: nothing can be linked to it from here.
    auth.login(client, actor="awo-herne")
    other = client.get(f"/search?topics=housing&case={pseudonym}").get_data(as_text=True)
    assert f"/cases/{pseudonym}?offer=" not in other and "data-linked" not in other


@pytest.mark.parametrize("actor, listed", [("ki-herne", False), ("awo-herne", True)])
def test_the_kis_case_management_is_a_partner_offer_only_for_other_organisations(
    client, auth, actor, listed
):
    auth.login(client, actor=actor)
    page = client.get("/search?topics=housing&topics=work").get_data(as_text=True)
    assert ('data-offer="ki-kim-case-management"' in page) is listed


def test_german_formats_for_dates_times_and_numbers(app):
    with app.test_request_context("/"):
        assert formats.day("2026-11-29") == "29.11.2026"
        assert formats.moment("2026-11-29T13:05:00.000000Z") == "29.11.2026, 14:05"
        assert formats.moment("2026-07-01T22:30:00Z") == "02.07.2026, 00:30"  # summer time
        assert formats.decimal(82.5) == "82,5" and formats.decimal(0.857, 2) == "0,86"
        assert formats.number(1234) == "1.234"
        assert formats.day(None) == "–"


@pytest.mark.parametrize(
    "roles, path",
    [
        (("case_manager",), "/cases/new"),
        (("case_manager",), "/search"),
        (("coordination",), "/coordination/themes/new"),
        (("coordination",), "/coordination/parallel-support"),
        (("admin",), "/admin/users"),
        (("admin",), "/directory/offers/caritas-wohnungslotsen-wanne/edit"),
    ],
)
def test_multiple_choice_is_never_a_ctrl_click_list(app, auth, roles, path):
    client = app.test_client()
    auth.login(client, roles=roles, actor="caritas-herne" if "admin" not in roles else "ki-herne")
    page = client.get(path).get_data(as_text=True)
    assert "<select multiple" not in page and " multiple>" not in page
    assert 'autocomplete="None"' not in page
    ids = re.findall(r'\sid="([^"]+)"', page)
    assert len(ids) == len(set(ids)), path


def test_the_xlsx_template_explains_its_columns_in_german(app, auth):
    client = app.test_client()
    auth.login(client, roles=("admin",), actor="ki-herne")
    book = load_workbook(io.BytesIO(client.get("/import/template.xlsx").data))
    notes = [[c for c in row if c] for row in book["Hinweise"].iter_rows(values_only=True)]
    text = " ".join(" ".join(row) for row in notes)
    assert notes[0] == ["Spalte", "Bedeutung"]
    assert "Kennung" in text and "(Pflicht)" in text
    assert "required" not in text and "Offers" not in text


def test_the_403_page_speaks_german(app, auth):
    client = app.test_client()
    auth.login(client, roles=("network",), actor="ki-herne")
    page = client.get("/cases/").get_data(as_text=True)
    assert "<h1>Nicht erlaubt</h1>" in page and "Forbidden" not in page
