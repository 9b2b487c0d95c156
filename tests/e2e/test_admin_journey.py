"""A newcomer logs in as the printed admin and creates a case manager, who then logs in."""

from __future__ import annotations

import uuid

from tests.e2e.conftest import login


def test_admin_creates_a_case_manager_who_then_sets_a_password(live_server, admin_page, browser):
    page = admin_page
    page.get_by_role("link", name="Benutzer*innen").click()
    username = f"cm.{uuid.uuid4().hex[:6]}"
    page.fill("#username", username)
    page.fill("#display_name", "Case Managerin Caritas")
    page.select_option("#actor_id", label="Caritasverband Herne")
    page.select_option("#roles", ["case_manager"])
    page.get_by_role("button", name="Benutzer*in anlegen").click()
    password = page.locator("#one-time-password").inner_text()
    assert page.locator(f'tr[data-username="{username}"]').is_visible()

    other = browser.new_context().new_page()
    login(other, live_server, username, password)
    assert other.url.endswith("/profile")
    other.fill("#current_password", password)
    other.fill("#new_password", "ein-eigenes-passwort-1")
    other.fill("#repeat_password", "ein-eigenes-passwort-1")
    other.get_by_role("button", name="Passwort ändern").click()
    login(other, live_server, username, "ein-eigenes-passwort-1")
    assert other.locator("header .account a").first.inner_text() == "Case Managerin Caritas"
    other.context.close()
