"""The closed referral loop in the browser: a KI case manager refers a client to an AWO
offer, the AWO partner declines for lack of capacity, the case manager is told with the
reason, and the gap report counts the refusal."""

from __future__ import annotations

import uuid

from tests.e2e.conftest import login
from tests.e2e.test_case_journey import add_user

AWO_OFFER = "awo-wohnraumberatung-wanne"


def refusals_of_housing_without_capacity(page, base: str) -> int:
    """The gap report's count of housing referrals refused for lack of capacity."""
    page.goto(base + "/coordination/gaps")
    table = page.locator("section#refusals table")
    headers = table.locator("thead th").all_inner_texts()
    column = headers.index("keine Kapazität")
    row = table.locator("tbody tr", has=page.locator("th", has_text="Wohnen")).first
    return int(row.locator("th, td").nth(column).inner_text())


def test_ki_case_manager_refers_awo_declines_case_manager_is_told_gap_report_counts(
    live_server, live_server_env, browser
):
    suffix = uuid.uuid4().hex[:6]
    password = "Vermittlung-im-Browser-1"
    users = {
        "cm": (f"cm.ki.{suffix}", "ki-herne", "case_manager"),
        "partner": (f"partner.awo.{suffix}", "awo-herne", "partner"),
        "coordination": (f"koord.{suffix}", "ki-herne", "coordination"),
    }
    for username, actor, role in users.values():
        add_user(live_server_env, username, actor, role, password)
    cm, partner, coordination = (browser.new_context().new_page() for _ in range(3))
    for page, key in ((cm, "cm"), (partner, "partner"), (coordination, "coordination")):
        login(page, live_server, users[key][0], password)
    before = refusals_of_housing_without_capacity(coordination, live_server)

    # The KI case manager opens a case, records the waiver for housing and refers to AWO.
    cm.get_by_role("link", name="Fälle").click()
    cm.get_by_role("link", name="Neuen Fall anlegen (Erstgespräch)").click()
    cm.select_option("#intake_outcome", "case_management")
    cm.select_option("#criteria", ["multi_dimensional"])
    cm.select_option("#needs", ["housing"])
    cm.select_option("#district_id", "wanne")
    cm.select_option("#access_route", "referral_by_actor")
    cm.select_option("#age_band", "27-44")
    cm.select_option("#residence_status", "protection-granted")
    cm.select_option("#languages", ["ar"])
    cm.get_by_role("button", name="Fall anlegen").click()
    pseudonym = cm.locator("#pseudonym").inner_text()
    cm.select_option("form[action$='/consent'] #topic", "housing")
    cm.fill("#signed_on", "2026-01-05")
    cm.get_by_role("button", name="Entbindung speichern").click()
    cm.goto(f"{live_server}/cases/{pseudonym}?offer={AWO_OFFER}&topic=housing")
    cm.get_by_role("button", name="Angebot verknüpfen").click()
    assert cm.locator("tr[data-status='proposed']").count() == 1

    # The AWO partner finds it in the inbox, with what the waiver allows, and declines.
    partner.get_by_role("link", name="Eingehende Vermittlungen").click()
    row = partner.locator("tr[data-referral]", has_text=pseudonym)
    assert "Wohnen" in row.inner_text() and "27-44" in row.inner_text()
    row.get_by_role("link").first.click()
    partner.select_option("#action", "decline")
    partner.select_option("#reason", "no_capacity")
    partner.fill("#feedback", "Derzeit keine Plätze, bitte im Februar erneut anfragen.")
    partner.get_by_role("button", name="Antwort senden").click()
    assert "Antwort gespeichert" in partner.locator("p.flash").first.inner_text()
    assert "keine Kapazität" in partner.locator("dd[data-field='status']").inner_text()
    assert partner.goto(f"{live_server}/cases/{pseudonym}").status == 403

    # The case manager sees the notification with the reason and the feedback.
    cm.goto(live_server + "/cases/")
    badge = cm.locator("a.notifications-link")
    assert badge.get_attribute("data-unread") == "1"
    badge.click()
    note = cm.locator("tr[data-notification]", has_text=pseudonym)
    assert "keine Kapazität" in note.locator("td[data-field='answer']").inner_text()
    assert "im Februar erneut anfragen" in note.inner_text()
    cm.get_by_role("button", name="Alle als gelesen markieren").click()
    assert cm.locator("a.notifications-link").get_attribute("data-unread") == "0"

    # The gap report counts the refusal.
    assert refusals_of_housing_without_capacity(coordination, live_server) == before + 1
    for page in (cm, partner, coordination):
        page.context.close()
