"""Faults and limits through `graphsvc run` as it serves: the engine killed with -9 under
concurrent writes is restarted by the app, every acknowledged write is there, every other
answer is a 503 with Retry-After, never a 500; the login limit counts across workers."""

from __future__ import annotations

import os
import re
import signal
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from http.cookiejar import CookieJar

from tests.web.test_cases_web import INTAKE

WRITERS = 4
KILL_AFTER_SECONDS = 3.0
READY_WITHIN_SECONDS = 15.0


def test_engine_killed_under_writes_is_restarted_and_no_acknowledged_write_is_lost(served):
    headers = served.token()
    acknowledged: list[str] = []
    statuses: Counter = Counter()
    retry_after: set[str | None] = set()
    stop = threading.Event()

    def write():
        while not stop.is_set():
            status, head, body = served.call("POST", "/api/v1/cases", INTAKE, headers)
            statuses[status] += 1
            if status == 201:
                acknowledged.append(body["pseudonym"])
            elif status == 503:
                retry_after.add(head.get("Retry-After"))
                time.sleep(0.05)

    writers = [threading.Thread(target=write) for _ in range(WRITERS)]
    for thread in writers:
        thread.start()
    time.sleep(KILL_AFTER_SECONDS)
    before = len(acknowledged)
    engine = served.engine_pid()
    os.kill(engine, signal.SIGKILL)
    killed = time.monotonic()
    down = served.call("GET", "/readyz")
    ready_after = None
    while time.monotonic() - killed < READY_WITHIN_SECONDS + 5:
        status, _, _ = served.call("GET", "/readyz")
        if status == 200:
            ready_after = time.monotonic() - killed
            break
        time.sleep(0.1)
    time.sleep(2)  # writes go on after the restart
    stop.set()
    for thread in writers:
        thread.join(timeout=30)

    assert before > 0 and len(acknowledged) > before, statuses
    assert set(statuses) <= {201, 503}, statuses  # never a 500
    assert ready_after is not None and ready_after < READY_WITHIN_SECONDS, served.log()[-2000:]
    assert served.engine_pid() != engine
    if down[0] == 503:  # /readyz told the truth while the engine was away
        assert down[1].get("Retry-After") and "sock" not in str(down[2])
    assert retry_after <= {"5"}
    assert len(set(acknowledged)) == len(acknowledged)
    found = served.graph.query("testing.existing_pseudonyms", pseudonyms=acknowledged)
    present = {row["pseudonym"] for row in found}
    assert set(acknowledged) <= present, set(acknowledged) - present
    assert "restarting it" in served.log() and "running again" in served.log()


def test_the_login_limit_counts_across_all_workers(served):
    browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))
    with browser.open(served.base + "/login", timeout=10) as page:
        token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page.read().decode())[1]
    statuses = []
    for n in range(14):
        form = {"username": f"nobody{n}", "password": "wrong-password-1", "csrf_token": token}
        request = urllib.request.Request(
            served.base + "/login",
            data=urllib.parse.urlencode(form).encode(),
            headers={"X-Forwarded-For": f"10.9.9.{n}"},  # not trusted: one address
        )
        try:
            with browser.open(request, timeout=10) as answer:
                statuses.append(answer.status)
        except urllib.error.HTTPError as error:
            statuses.append(error.code)
    # Two workers, one count in the engine's server: 10 attempts a minute, then 429.
    assert statuses == [200] * 10 + [429] * 4, statuses
