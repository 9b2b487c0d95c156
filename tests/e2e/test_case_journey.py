"""A case manager takes a client from intake to closing in the browser."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid

from tests.e2e.conftest import login


def add_user(live_server_env, username, actor, role, password):
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "graphsvc.cli",
            "user",
            "add",
            username,
            "--actor",
            actor,
            "--role",
            role,
            "--password",
            password,
        ],
        env=live_server_env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr


def test_intake_to_closing(live_server, live_server_env, page):
    username, password = f"cm.{uuid.uuid4().hex[:6]}", "Fallarbeit-im-Browser-1"
    add_user(live_server_env, username, "caritas-herne", "case_manager", password)
    login(page, live_server, username, password)
    page.get_by_role("link", name="Fälle").click()
    page.get_by_role("link", name="Neuen Fall anlegen (Erstgespräch)").click()
    page.select_option("#intake_outcome", "case_management")
    page.select_option("#criteria", ["multi_dimensional", "several_actors"])
    page.select_option("#needs", ["housing"])
    page.select_option("#district_id", "sodingen")
    page.select_option("#access_route", "self_referral")
    page.select_option("#age_band", "27-44")
    page.select_option("#residence_status", "protection-granted")
    page.select_option("#languages", ["ar"])
    page.fill("#notes", "Frau Beispiel, Tel 0171 2345678")
    page.get_by_role("button", name="Fall anlegen").click()
    assert "direkten Identifikator" in page.content()
    page.fill("#notes", "sucht Wohnung")
    page.get_by_role("button", name="Fall anlegen").click()
    pseudonym = page.locator("#pseudonym").inner_text()
    assert pseudonym.startswith("HER-")

    offer = os.environ.get("E2E_OFFER", "svh-arabische-lotsen")
    page.fill("#offer_id", offer)
    page.select_option("form[action$='/links'] #topic", "housing")
    page.get_by_role("button", name="Angebot verknüpfen").click()
    assert "Keine gültige Schweigepflichtentbindung" in page.content()

    page.select_option("form[action$='/consent'] #topic", "housing")
    page.fill("#signed_on", "2026-01-05")
    page.get_by_role("button", name="Entbindung speichern").click()
    page.fill("#offer_id", offer)
    page.select_option("form[action$='/links'] #topic", "housing")
    page.get_by_role("button", name="Angebot verknüpfen").click()
    assert page.locator("tr[data-status='proposed']").count() == 1
    assert page.locator("svg.help-network g.offer").count() == 1

    for status in ("accepted", "active", "completed"):
        page.select_option("tr[data-link] select[name='status']", status)
        page.locator("tr[data-link] button").click()
    for phase in ("assessment", "linking", "monitoring", "evaluation"):
        page.select_option("form[action$='/phase'] #phase", phase)
        page.get_by_role("button", name="Phase ändern").click()
    page.select_option("#outcome_housing", "met")
    page.get_by_role("button", name="Fall abschließen").click()
    assert page.locator("#phase").inner_text() == "Abgeschlossen"
