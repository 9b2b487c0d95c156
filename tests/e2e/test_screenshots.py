"""Each role's main pages on a laptop (1366 px) and a phone (390 px): accessible, nothing
scrolls sideways. With GRAPHSVC_SCREENSHOTS=docs/screenshots the first screen of each is
saved there (the README shows them); otherwise into the test's temporary folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.e2e import accessibility as a11y
from tests.e2e.conftest import ADMIN_PASSWORD, DESK, PHONE, demo_login, login

ROOT = Path(__file__).resolve().parents[2]
# (file name, who, path): who is a demo account, "admin" or None (nobody logged in).
PAGES = [
    ("home", None, "/"),
    ("cases", "cm.ki1", "/cases/"),
    ("case", "cm.ki1", "/cases/HER-2026-0005"),
    ("intake", "cm.ki1", "/cases/new"),
    (
        "search-results",
        "cm.ki1",
        "/search?topics=housing&topics=job-search&district=wanne&languages=ar"
        "&age_band=27-44&residence_status=protection-granted",
    ),
    ("coordination", "koordination1", "/coordination/"),
    ("gap-report", "koordination1", "/coordination/gaps"),
    ("users", "admin", "/admin/users"),
]


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    chosen = os.environ.get("GRAPHSVC_SCREENSHOTS")
    path = ROOT / chosen if chosen else tmp_path_factory.mktemp("screenshots")
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.mark.parametrize("viewport", [DESK, PHONE], ids=["1366", "390"])
def test_main_pages_of_every_role_fit_the_screen(live_server, open_page, folder, viewport):
    pages: dict[str | None, object] = {}
    for name, who, path in PAGES:
        if who not in pages:
            page = pages[who] = open_page(viewport)
            if who == "admin":
                login(page, live_server, "admin", ADMIN_PASSWORD)
            elif who:
                demo_login(page, live_server, who)
        page = pages[who]
        page.goto(live_server + path)
        a11y.check(page, f"{name} at {viewport['width']} px")
        page.screenshot(path=str(folder / f"{name}-{viewport['width']}.png"))
