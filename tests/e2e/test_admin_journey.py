"""An admin's tasks in the browser: users (create, disable, enable), the audit log, the import
page; the new user then logs in. Every page checked for accessibility."""

from __future__ import annotations

import re
import uuid

from tests.e2e import accessibility as a11y
from tests.e2e.conftest import ADMIN_PASSWORD, DESK, login


def test_admin_manages_users_and_reads_the_audit_log(live_server, open_page):
    page = open_page(DESK)
    login(page, live_server, "admin", ADMIN_PASSWORD)
    assert page.url.endswith("/admin/users"), "an admin starts at the user list"
    a11y.check(page, "users")

    username = f"cm.{uuid.uuid4().hex[:6]}"
    page.fill("#username", username)
    page.fill("#display_name", "Case Managerin Caritas")
    page.select_option("#actor_id", label="Caritasverband Herne")
    page.locator("#roles").get_by_label("Case Management").check()
    page.get_by_role("button", name="Benutzer*in anlegen").click()
    password = page.locator("#one-time-password").inner_text()
    row = page.locator(f'tr[data-username="{username}"]')
    assert "Case Management" in row.inner_text() and "aktiv" in row.inner_text()
    a11y.check(page, "user created")

    row.get_by_role("button", name=f"Deaktivieren ({username})").click()
    assert "deaktiviert" in page.locator(f'tr[data-username="{username}"]').inner_text()
    page.locator(f'tr[data-username="{username}"]').get_by_role(
        "button", name=f"Aktivieren ({username})"
    ).click()
    assert page.locator("#messages [role=status]").first.is_visible()

    # A form error names the field at the top and beside it.
    page.fill("#username", "X Y")
    page.get_by_role("button", name="Benutzer*in anlegen").click()
    page.wait_for_load_state()
    assert page.evaluate("document.activeElement.matches('[role=alert]')")
    assert page.locator("#username-errors").is_visible()
    a11y.check(page, "user form refused")

    page.get_by_role("link", name="Protokoll").click()
    a11y.check(page, "audit log")
    log = page.locator("table.audit").inner_text()
    assert "Benutzer*in angelegt" in log and "user.create" not in log
    assert re.search(r"\d\d\.\d\d\.\d{4}, \d\d:\d\d", log), "local date and time, German style"

    page.get_by_role("link", name="Import").click()
    a11y.check(page, "import page")
    page.get_by_role("link", name="Benutzer*innen").click()
    page.goto(live_server + "/profile")
    assert "Rollen: Administration" in page.locator("main").inner_text()
    a11y.check(page, "profile")

    other = open_page(DESK)
    login(other, live_server, username, password)
    assert other.url.endswith("/profile")
    other.fill("#current_password", password)
    other.fill("#new_password", "ein-eigenes-passwort-1")
    other.fill("#repeat_password", "ein-eigenes-passwort-1")
    other.get_by_role("button", name="Passwort ändern").click()
    login(other, live_server, username, "ein-eigenes-passwort-1")
    assert other.url.endswith("/cases/")
    assert other.locator("header .account a").first.inner_text() == "Case Managerin Caritas"
