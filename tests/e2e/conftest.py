"""Browser tests: the real app started by `graphsvc run`, driven in Debian's headless Chromium."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from graphsvc.config import from_env
from graphsvc.dev import served
from graphsvc.graph.embedded import socket_path
from tests.support import connect_for_tests

CHROMIUM = "/usr/bin/chromium"
ADMIN_PASSWORD = "E2E-geheimes-Passwort-1"


@pytest.fixture(scope="session")
def live_server_env(tmp_path_factory):
    """The environment of the live server (CLI calls with it reach the same engine)."""
    return served.environment(
        tmp_path_factory.mktemp("live"),
        GRAPHSVC_ADMIN_PASSWORD=ADMIN_PASSWORD,
        # development: the seeds' demo accounts log in with the demo password, as after make run
        GRAPHSVC_ENV="development",
        # Every browser test logs in from 127.0.0.1: the production limit of 10 per minute
        # sent the 11th login of a suite run back to the login page.
        GRAPHSVC_LOGIN_LIMIT="1000 per minute",
    )


@pytest.fixture(scope="session")
def live_graph(live_server, live_server_env):
    """The running app's graph (through its engine's socket), for test users and data."""
    data = Path(live_server_env["GRAPHSVC_DATA_DIR"])
    graph = connect_for_tests(
        from_env({"GRAPHSVC_DATA_DIR": str(data)}), f"unix://{socket_path(data.resolve())}"
    )
    yield graph
    graph.close()


@pytest.fixture(scope="session")
def live_server(live_server_env):
    """`graphsvc run` on a fresh data directory and a free port; yields its base URL."""
    try:
        app = served.start(live_server_env, ready_within=60)
    except RuntimeError as exc:
        pytest.fail(str(exc))
    yield app.base
    app.stop()


@pytest.fixture(scope="session")
def browser():
    """Headless Chromium from Debian, driven by Playwright."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run make test (it installs chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    """A fresh browser page (own cookies) per test."""
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()


DESK = {"width": 1366, "height": 900}  # a common office laptop
PHONE = {"width": 390, "height": 844}  # a common phone, in portrait


@pytest.fixture
def open_page(browser):
    """Pages as a German user sees them, at a viewport: open_page(DESK) or open_page(PHONE)."""
    contexts = []

    def make(viewport=DESK):
        context = browser.new_context(
            viewport=viewport, locale="de-DE", timezone_id="Europe/Berlin"
        )
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


def login(page, base: str, username: str, password: str) -> None:
    """Log in through the login form."""
    page.goto(base + "/login")
    page.fill("#username", username)
    page.fill("#password", password)
    page.click("button[type=submit]")


@pytest.fixture
def admin_page(live_server, page):
    """A page logged in as the first admin that `graphsvc run` created."""
    login(page, live_server, "admin", ADMIN_PASSWORD)
    return page


def demo_login(page, base: str, username: str) -> None:
    """Log in as one of the seeds' demo accounts (the demo password, as after make run)."""
    from graphsvc.services.accounts import DEMO_PASSWORD

    login(page, base, username, DEMO_PASSWORD)


def add_user(live_server_env, username, actor, role, password):
    """Create a user of the running app from the shell, as an operator would."""
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
