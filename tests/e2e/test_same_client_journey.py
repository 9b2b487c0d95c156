"""A case manager enters a client's name at intake; coordination sees the likely pair at
another organisation and confirms it; the name is nowhere in the server's log."""

from __future__ import annotations

import uuid
from pathlib import Path

from tests.e2e import accessibility as a11y
from tests.e2e.conftest import add_user, login


def test_intake_with_name_then_coordination_confirms_the_pair(
    live_server, live_server_env, page, browser
):
    password = "Abgleich-im-Browser-1"
    manager = f"cm.{uuid.uuid4().hex[:6]}"
    add_user(live_server_env, manager, "awo-herne", "case_manager", password)
    login(page, live_server, manager, password)
    page.wait_for_url(lambda url: "/login" not in url)  # the login must land before goto
    # The seeds hold "Katharina Müller", born 1972-09-30, at the DRK (HER-2026-0007).
    page.goto(live_server + "/cases/new")
    page.select_option("#intake_outcome", "case_management")
    page.locator("#needs").get_by_label("Wohnen", exact=True).check()
    page.select_option("#district_id", "wanne")
    page.select_option("#access_route", "self_referral")
    page.select_option("#age_band", "45-64")
    page.select_option("#residence_status", "protection-granted")
    page.fill("#client_given_names", "Katharina")
    page.fill("#client_family_name", "Mueller")
    page.fill("#client_birth_date", "1972-09-30")
    page.get_by_role("button", name="Fall anlegen").click()
    pseudonym = page.locator("#pseudonym").inner_text()
    a11y.check(page, "case opened with a match key")
    assert "HER-2026-0007" not in page.content()  # the case manager is told nothing

    coordinator = f"ko.{uuid.uuid4().hex[:6]}"
    add_user(live_server_env, coordinator, "ki-herne", "coordination", password)
    other = browser.new_context().new_page()
    other.on("dialog", lambda dialog: dialog.accept())  # "Dieselbe Person" asks once more
    login(other, live_server, coordinator, password)
    other.wait_for_url(lambda url: "/login" not in url)
    other.goto(live_server + "/coordination/same-client")
    row = other.locator("#same-client-pairs tr", has_text=pseudonym).filter(
        has_text="HER-2026-0007"
    )
    assert row.count() == 1
    a11y.check(other, "same-client pairs")
    row.get_by_role("button", name="Dieselbe Person").click()
    other.goto(live_server + "/coordination/same-client?status=confirmed")
    assert pseudonym in other.locator("#same-client-pairs").inner_text()

    log = (Path(live_server_env["GRAPHSVC_DATA_DIR"]) / "server.log").read_text()
    assert "1972-09-30" not in log and "Mueller" not in log
