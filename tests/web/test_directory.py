"""The directory pages, the referral search page and their JSON API, through the test client."""

from __future__ import annotations

import re

import pytest

from tests.support import assert_offer_facets_match_relationships

SODINGEN = "/search?topics=housing&topics=work&district=sodingen&languages=ar"
API = "/api/v1/offers/search"


def test_case_manager_gets_an_explained_german_list_for_housing_and_work_in_sodingen(client, auth):
    auth.login(client, roles=("case_manager",))
    page = client.get(SODINGEN)
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "Quartiersbüro Sodingen" in html
    assert "Deckt Wohnen, Arbeit ab" in html or "Wohnen, Arbeit" in html
    assert "Beratung in Arabisch" in html
    assert "Bedient den Stadtbezirk der Person" in html
    assert "Hilfenetz-Vorschlag" in html


def test_api_returns_the_same_ranking_as_the_page(client, auth):
    headers = auth.token(roles=("case_manager",))
    answer = client.get(
        API + "?topics=housing,work&district=sodingen&languages=ar", headers=headers
    )
    assert answer.status_code == 200
    body = answer.get_json()
    api_ids = [row["offer"]["id"] for row in body["results"]]
    auth.login(client, roles=("case_manager",))
    html = client.get(SODINGEN).get_data(as_text=True)
    page_ids = re.findall(r'data-offer="([^"]+)"', html)
    assert api_ids == page_ids
    first = body["results"][0]
    assert first["covered_topics"] == ["housing", "work"]
    assert {r["factor"] for r in first["reasons"]} >= {"needs", "language", "location", "waiting"}
    assert body["help_network"]["offers"] and body["help_network"]["uncovered"] == []
    assert len(body["results"]) <= 20


def test_offers_for_the_broader_topic_are_listed_with_half_the_need_points_and_said_so(
    client, auth
):
    headers = auth.token(roles=("case_manager",))
    body = client.get(API + "?topics=job-search&limit=50", headers=headers).get_json()
    general = [row for row in body["results"] if row["covered_topics"] == []]
    exact = [row for row in body["results"] if row["covered_topics"] == ["job-search"]]
    assert general and exact
    assert all(row["points"]["needs"] == 20 for row in general)
    assert all(row["points"]["needs"] == 40 for row in exact)
    needs = next(r for r in general[0]["reasons"] if r["factor"] == "needs")
    assert "Arbeitssuche und Bewerbung nur über das verwandte Thema Arbeit" in needs["text"]


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("", "topics"),
        ("?topics=", "topics"),
        ("?topics=nonsense", "topics"),
        ("?topics=housing&district=atlantis", "district"),
        ("?topics=housing&district=' OR 1=1 //", "district"),
        ("?topics=housing&age=121", "age"),
        ("?topics=housing&age=-3", "age"),
        ("?topics=housing&q=" + "x" * 201, "q"),
        ("?topics=housing&languages=<script>alert(1)</script>", "languages"),
        ("?topics=housing&limit=500", "limit"),
        ("?topics=housing&gender=MATCH (n) DETACH DELETE n", "gender"),
        ("?topics=housing&sort=name", "sort"),
    ],
)
def test_bad_api_input_is_a_400_naming_the_field(client, auth, query, field):
    answer = client.get(API + query, headers=auth.token(roles=("coordination",)))
    assert answer.status_code == 400
    assert field in answer.get_json()["error"]["fields"]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("?topics=housing&age=200", "120"),
        ("?topics=nonsense", "topics"),
        ("?topics=housing&q=" + "x" * 201, "200"),
        ("?district=sodingen", "Bedarf"),
    ],
)
def test_bad_form_input_is_a_form_error_not_a_500(client, auth, query, message):
    auth.login(client, roles=("case_manager",))
    answer = client.get("/search" + query)
    assert answer.status_code == 400
    html = answer.get_data(as_text=True)
    assert 'class="errors"' in html


def test_html_in_free_text_is_escaped(client, auth):
    auth.login(client, roles=("case_manager",))
    html = client.get("/search?topics=housing&q=<script>alert(1)</script>").get_data(as_text=True)
    assert "<script>alert(1)</script>" not in html


def test_network_role_may_read_the_directory_but_not_search(client, auth):
    auth.login(client, roles=("network",))
    assert client.get("/directory/").status_code == 200
    assert client.get("/directory/offers/ki-kim-case-management").status_code == 200
    assert client.get(SODINGEN).status_code == 403


def test_anonymous_users_are_sent_to_login_and_api_gets_401(client):
    assert client.get("/directory/").status_code == 302
    assert client.get(API + "?topics=housing").status_code == 401


def test_offer_page_shows_everything_and_flags_an_expired_offer(client, auth):
    auth.login(client, roles=("directory_editor",))
    html = client.get("/directory/offers/ki-integrationslotsen").get_data(as_text=True)
    assert 'id="expired"' in html
    html = client.get("/directory/offers/svh-arabische-lotsen").get_data(as_text=True)
    expected = (
        "Arabisch",
        "Sodingen",
        "Wohnen",
        "Geflüchtete",
        "HIN (Herner Integrationsnetzwerk)",
        "Syrisch-Deutscher Kulturverein",
    )
    for text in expected:
        assert text in html
    assert client.get("/directory/offers/nope").status_code == 404


def test_actor_page_lists_offers_groups_and_partners(client, auth):
    auth.login(client, roles=("case_manager",))
    html = client.get("/directory/actors/caritas-herne").get_data(as_text=True)
    assert "Wohnungslotsen Wanne" in html
    assert "AK Flüchtlingsfrauen" in html
    assert "Kommunales Integrationszentrum Herne" in html
    assert client.get("/directory/actors/nope").status_code == 404


def test_directory_index_filters_and_finds_wohnungssuche_by_wohnung(client, auth):
    auth.login(client, roles=("case_manager",))
    html = client.get("/directory/?topic=housing&district=sodingen").get_data(as_text=True)
    assert "Quartiersbüro Sodingen" in html
    assert "Pflegeausbildung mit Sprachförderung" not in html
    html = client.get("/directory/?q=Wohnung").get_data(as_text=True)
    assert 'id="text-hits"' in html and "Wohnungslotsen" in html
    assert client.get("/directory/?category=everything").status_code == 400


def test_api_offer_and_actor(client, auth):
    headers = auth.token(roles=("network",))
    offer = client.get("/api/v1/offers/svh-arabische-lotsen", headers=headers).get_json()
    assert offer["actor"]["id"] == "syrischer-verein-herne"
    assert {t["id"] for t in offer["topics"]} >= {"housing", "work"}
    actor = client.get("/api/v1/actors/caritas-herne", headers=headers).get_json()
    assert any(o["id"] == "caritas-wohnungslotsen-wanne" for o in actor["offers"])
    assert client.get("/api/v1/actors/nope", headers=headers).status_code == 404


# --- editing (admins and directory editors) ----------------------------------------------

OFFER_FORM = {
    "name": "Testberatung Wohnen",
    "description": "Beratung rund um die Wohnungssuche.",
    "category": "counselling",
    "circle": "outer",
    "topic_ids": ["housing"],
    "district_ids": ["sodingen"],
    "language_ids": ["de", "ar"],
    "waiting_days": "3",
    "valid_from": "2024-01-01",
}


def _post(client, auth, path, data, page=None):
    token = auth.csrf(client, page or path)
    return client.post(path, data={**data, "csrf_token": token})


def test_editor_creates_an_offer_that_the_search_then_finds_with_history(client, auth):
    editor = auth.login(client, roles=("directory_editor",), actor="caritas-herne")
    answer = _post(client, auth, "/directory/offers/new?actor=caritas-herne", OFFER_FORM)
    assert answer.status_code == 302, answer.get_data(as_text=True)
    location = answer.headers["Location"]
    html = client.get(location).get_data(as_text=True)
    assert "Testberatung Wohnen" in html
    assert editor in html and "angelegt" in html
    auth.login(client, roles=("case_manager",))
    html = client.get("/search?topics=housing&district=sodingen&languages=ar").get_data(
        as_text=True
    )
    assert "Testberatung Wohnen" in html
    assert_offer_facets_match_relationships(auth.graph)


def test_editor_changes_an_offer_and_the_history_says_what_changed(client, auth):
    editor = auth.login(client, roles=("admin",), actor="caritas-herne")
    path = "/directory/offers/caritas-wohnungslotsen-wanne/edit"
    page = client.get(path).get_data(as_text=True)
    assert 'value="Wohnungslotsen Wanne"' in page
    version = re.search(r'name="version" type="hidden" value="(\d+)"', page).group(1)
    data = {**OFFER_FORM, "name": "Wohnungslotsen Wanne und Sodingen", "version": version}
    answer = _post(client, auth, path, data)
    assert answer.status_code == 302
    html = client.get("/directory/offers/caritas-wohnungslotsen-wanne").get_data(as_text=True)
    assert "Wohnungslotsen Wanne und Sodingen" in html
    assert editor in html and "geändert" in html
    assert "<strong>Name</strong>: Wohnungslotsen Wanne → Wohnungslotsen Wanne und Sodingen" in html
    # The same, stale form again: refused, nothing overwritten.
    stale = _post(client, auth, path, {**data, "name": "Überschrieben"})
    assert stale.status_code == 302 and stale.headers["Location"].endswith("/edit")
    html = client.get("/directory/offers/caritas-wohnungslotsen-wanne").get_data(as_text=True)
    assert "Überschrieben" not in html
    assert_offer_facets_match_relationships(auth.graph)  # the copies the search reads


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"topic_ids": []}, "Thema"),
        ({"age_min": "30", "age_max": "20"}, "Mindestalter"),
        ({"email": "keine-mail"}, "E-Mail"),
        ({"valid_from": "2026-01-01", "valid_until": "2025-01-01"}, "Ende"),
        ({"category": "MATCH (n) DETACH DELETE n"}, "category"),
        ({"name": "x" * 201}, "name"),
    ],
)
def test_bad_offer_form_input_is_a_form_error(client, auth, change, message):
    auth.login(client, roles=("directory_editor",), actor="caritas-herne")
    answer = _post(
        client, auth, "/directory/offers/new?actor=caritas-herne", {**OFFER_FORM, **change}
    )
    assert answer.status_code == 400
    assert 'class="errors"' in answer.get_data(as_text=True)


def test_retired_offer_is_flagged_and_no_longer_proposed(client, auth):
    auth.login(client, roles=("directory_editor",), actor="caritas-herne")
    page = "/directory/offers/caritas-wohnungsnotfallhilfe"
    html = client.get(page).get_data(as_text=True)
    version = re.search(r'name="version" type="hidden" value="(\d+)"', html).group(1)
    answer = _post(
        client, auth, page + "/retire", {"last_day": "2020-12-31", "version": version}, page=page
    )
    assert answer.status_code == 302
    html = client.get(page).get_data(as_text=True)
    assert 'id="expired"' in html and "beendet" in html
    auth.login(client, roles=("case_manager",))
    html = client.get("/search?topics=housing&limit=50").get_data(as_text=True)
    assert 'data-offer="caritas-wohnungsnotfallhilfe"' not in html


def test_case_managers_cannot_edit_the_directory(client, auth):
    auth.login(client, roles=("case_manager",))
    assert client.get("/directory/offers/new?actor=caritas-herne").status_code == 403
    assert client.get("/directory/offers/caritas-suchtberatung/edit").status_code == 403


ACTOR_FORM = {
    "name": "Nachbarschaftshilfe Sodingen e. V.",
    "kind": "association",
    "district_id": "sodingen",
    "email": "kontakt@example.org",
    "website": "https://example.org",
}


def test_editor_creates_and_edits_an_organisation_with_history(client, auth):
    editor = auth.login(client, roles=("directory_editor",), actor="caritas-herne")
    answer = _post(client, auth, "/directory/actors/new", ACTOR_FORM)
    assert answer.status_code == 302, answer.get_data(as_text=True)
    page = answer.headers["Location"]
    html = client.get(page).get_data(as_text=True)
    assert "Nachbarschaftshilfe Sodingen e. V." in html and "Sodingen" in html
    version = re.search(r'name="version" type="hidden" value="(\d+)"', html).group(1)
    edit = page + "/edit"
    answer = _post(client, auth, edit, {**ACTOR_FORM, "district_id": "wanne", "version": version})
    assert answer.status_code == 302
    html = client.get(page).get_data(as_text=True)
    assert "Wanne" in html and editor in html
    assert "<strong>Stadtbezirk</strong>: sodingen → wanne" in html


def test_history_of_an_offer_leaves_out_an_organisation_with_the_same_id(client, auth):
    # The Herne seeds hold an organisation and an offer both called iq-anerkennungsberatung.
    auth.login(client, roles=("admin",), actor="caritas-herne")
    page = "/directory/actors/iq-anerkennungsberatung"
    html = client.get(page).get_data(as_text=True)
    version = re.search(r'name="version" type="hidden" value="(\d+)"', html).group(1)
    data = {**ACTOR_FORM, "name": "IQ Beratung umbenannt", "version": version}
    assert _post(client, auth, page + "/edit", data).status_code == 302
    assert "IQ Beratung umbenannt" in client.get(page).get_data(as_text=True)
    offer = client.get("/directory/offers/iq-anerkennungsberatung").get_data(as_text=True)
    history = offer[offer.index("<h2>Änderungsverlauf</h2>") :]
    assert "IQ Beratung umbenannt" not in history and 'class="empty"' in history


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"name": ""}, "name"),
        ({"website": "javascript:alert(1)"}, "website"),
        ({"district_id": "atlantis"}, "district_id"),
        ({"kind": "<b>"}, "kind"),
    ],
)
def test_bad_organisation_form_input_is_a_form_error(client, auth, change, field):
    auth.login(client, roles=("admin",), actor="caritas-herne")
    answer = _post(client, auth, "/directory/actors/new", {**ACTOR_FORM, **change})
    assert answer.status_code == 400
    assert f'id="{field}-errors"' in answer.get_data(as_text=True)


def test_retiring_an_organisation_ends_its_running_offers(client, auth):
    auth.login(client, roles=("directory_editor",), actor="caritas-herne")
    page = "/directory/actors/caritas-herne"
    html = client.get(page).get_data(as_text=True)
    version = re.search(r'name="version" type="hidden" value="(\d+)"', html).group(1)
    answer = _post(
        client, auth, page + "/retire", {"last_day": "2021-01-31", "version": version}, page=page
    )
    assert answer.status_code == 302
    html = client.get(page).get_data(as_text=True)
    assert 'id="retired"' in html
    offer = client.get("/directory/offers/caritas-suchtberatung").get_data(as_text=True)
    assert 'id="expired"' in offer
