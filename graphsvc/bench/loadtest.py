"""`graphsvc loadtest`: concurrent clients against `graphsvc run` as it serves, on loopback.

The server is started here as in production (gunicorn, two workers with four threads, the
embedded engine) on a fresh data directory with the Herne seeds and a free port on
127.0.0.1. Clients run in a few processes of their own (one Python process cannot send fast
enough), each client a thread with one kept-alive connection, and mix what case managers do:
the referral search through the API (token), the HTML case page (session; every read writes
an audit event) and new links through the API (each client on a case of its own, so no
version conflicts). Every answer other than the expected status is an error.
"""

from __future__ import annotations

import http.client
import json
import multiprocessing
import os
import random
import re
import secrets
import shutil

# Starts graphsvc run with a fixed argument list.
import sys
import tempfile
import threading
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..dev import served
from ..dev.served import Served

# What a client does, with the share of requests and the status that counts as success.
MIX = (("search", 0.70, 200), ("case_page", 0.20, 200), ("link", 0.10, 201))
TOPICS = (
    "housing",
    "work",
    "job-search",
    "benefits",
    "language-course",
    "health",
    "family",
    "debts",
    "everyday-orientation",
)
DISTRICTS = ("wanne", "eickel", "sodingen", "herne-mitte")
LANGUAGES = ("de", "ar", "tr", "ru", "uk", "fa")
HOUSING_OFFERS = ("caritas-wohnungslotsen-wanne", "drk-wohnungslotsen-wanne")
MARK_START = "<!-- loadtest:start -->"
MARK_END = "<!-- loadtest:end -->"


def start_server(workers: int = 2) -> Served:
    """`graphsvc run` on a fresh data directory and a free loopback port, once ready."""
    data = Path(tempfile.mkdtemp(prefix="graphsvc-loadtest-"))
    env = served.environment(
        data,
        GRAPHSVC_HOST="127.0.0.1",
        GRAPHSVC_ADMIN_PASSWORD="Loadtest-" + secrets.token_hex(8),
        # The clients log in from one address; the limit is not what is measured here.
        GRAPHSVC_LOGIN_LIMIT="10000 per minute",
    )
    return served.start(env, workers)


@dataclass
class Setup:
    """What the clients need: a token, a password, cases to read and a search vocabulary."""

    port: int
    username: str
    password: str
    token: str
    cases: list[str]


def prepare(server: Served) -> Setup:
    """A case manager of Caritas with a password and a token; the organisation's cases."""
    from ..config import from_env
    from ..graph import connect
    from ..graph.embedded import socket_path
    from ..services import accounts
    from ..services import cases as case_service
    from ..services.audit import Who

    graph = connect(from_env({}), f"unix://{socket_path(server.data.resolve())}")
    try:
        username = f"loadtest.{secrets.token_hex(3)}"
        password = "loadtest-" + secrets.token_hex(8)
        user_id, _ = accounts.create_user(
            graph, username, "Load test", "caritas-herne", ["case_manager"], password
        )
        token = accounts.create_token(graph, user_id, "loadtest")
        user = graph.query("accounts.get_user", user_id=user_id)["user"]
        rows = case_service.list_cases(graph, Who(user, "127.0.0.1"), mine=False)
    finally:
        graph.close()
    cases = [row["pseudonym"] for row in rows][:40]
    return Setup(server.port, username, password, token, cases)


class Client:
    """One simulated user: a kept-alive connection, a session cookie and a case of its own."""

    def __init__(self, setup: Setup, rng: random.Random):
        self.setup, self.rng = setup, rng
        self.connection = http.client.HTTPConnection("127.0.0.1", setup.port, timeout=30)
        self.cookie = ""
        self.api = {"Authorization": f"Bearer {setup.token}"}
        self._login()
        self.own_case, self.version = self._open_case()

    def send(self, method: str, path: str, body: Any = None, headers: dict | None = None):
        """(status, body bytes) of one request over the kept-alive connection; API calls
        carry the token only, pages the session cookie, as a script and a browser would."""
        headers = dict(headers or {})
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        if self.cookie and "Authorization" not in headers:
            headers["Cookie"] = self.cookie
        # A kept-alive connection the server closed while idle fails at once; like a
        # browser, a GET is sent again on a fresh one (a POST is not: it may have arrived).
        attempts = 2 if method == "GET" else 1
        for attempt in range(1, attempts + 1):
            try:
                self.connection.request(method, path, body=data, headers=headers)
                response = self.connection.getresponse()
                raw = response.read()
                break
            except (OSError, http.client.HTTPException):
                self.connection.close()
                if attempt == attempts:
                    return 0, b""
        for header in response.headers.get_all("Set-Cookie") or []:
            if header.startswith("session="):
                self.cookie = header.split(";", 1)[0]
        if response.will_close:
            self.connection.close()
        return response.status, raw

    def _login(self) -> None:
        _, page = self.send("GET", "/login")
        token = re.search(rb'name="csrf_token"[^>]*value="([^"]+)"', page)
        form = urllib.parse.urlencode(
            {
                "username": self.setup.username,
                "password": self.setup.password,
                "csrf_token": token.group(1).decode() if token else "",
            }
        ).encode()
        headers = {"Content-Type": "application/x-www-form-urlencoded", "Cookie": self.cookie}
        self.connection.request("POST", "/login", body=form, headers=headers)
        response = self.connection.getresponse()
        response.read()
        for header in response.headers.get_all("Set-Cookie") or []:
            if header.startswith("session="):
                self.cookie = header.split(";", 1)[0]
        if response.status != 302 or "/login" in (response.headers.get("Location") or ""):
            raise RuntimeError(f"the load-test user cannot log in: {response.status}")

    def _open_case(self) -> tuple[str, int]:
        intake = {
            "district_id": "wanne",
            "needs": ["housing"],
            "intake_outcome": "case_management",
            "criteria": ["multi_dimensional"],
            "access_route": "self_referral",
            "age_band": "27-44",
            "residence_status": "protection-granted",
            "languages": ["ar"],
        }
        status, raw = self.send("POST", "/api/v1/cases", intake, self.api)
        if status != 201:
            raise RuntimeError(f"cannot open a case for the load test: {status} {raw[:200]!r}")
        pseudonym = json.loads(raw)["pseudonym"]
        today = time.strftime("%Y-%m-%d")
        _, raw = self.send("GET", f"/api/v1/cases/{pseudonym}", None, self.api)
        version = json.loads(raw)["case"]["version"]
        consent = {"version": version, "consent": {"topic": "housing", "signed_on": today}}
        status, raw = self.send("PATCH", f"/api/v1/cases/{pseudonym}", consent, self.api)
        if status != 200:
            raise RuntimeError(f"cannot sign the waiver: {status} {raw[:200]!r}")
        return pseudonym, json.loads(raw)["version"]

    def search(self) -> int:
        rng = self.rng
        query = [("topics", t) for t in rng.sample(TOPICS, rng.randint(1, 3))]
        query += [("district", rng.choice(DISTRICTS)), ("limit", "20")]
        query += [("languages", lang) for lang in rng.sample(LANGUAGES, rng.randint(0, 2))]
        if rng.random() < 0.5:
            query.append(("age", str(rng.randint(18, 70))))
        if rng.random() < 0.2:
            query.append(("q", rng.choice(["Beratung", "Wohnung", "Sprache", "Arbeit"])))
        path = "/api/v1/offers/search?" + urllib.parse.urlencode(query)
        return self.send("GET", path, None, self.api)[0]

    def case_page(self) -> int:
        return self.send("GET", f"/cases/{self.rng.choice(self.setup.cases)}")[0]

    def link(self) -> int:
        body = {
            "version": self.version,
            "offer_id": self.rng.choice(HOUSING_OFFERS),
            "topic": "housing",
            "mode": "referral",
            "reason": "load test",
        }
        status, raw = self.send("POST", f"/api/v1/cases/{self.own_case}/links", body, self.api)
        if status == 201:
            self.version = json.loads(raw)["version"]
        return status


def _client_process(setup: Setup, clients: int, seconds: float, seed: int, out) -> None:
    """Run `clients` threads for `seconds`; send (kind, ms, status, expected) per request."""
    results: list[tuple[str, float, int, int]] = []
    lock = threading.Lock()
    start = threading.Barrier(clients)

    def run(number: int) -> None:
        # Request mix, no secret.
        rng = random.Random(seed * 1000 + number)  # nosec B311
        client = Client(setup, rng)
        actions: dict[str, Callable[[], int]] = {
            "search": client.search,
            "case_page": client.case_page,
            "link": client.link,
        }
        mine = []
        start.wait()
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            roll, kind, expected = rng.random(), "search", 200
            for name, share, status in MIX:
                if roll < share:
                    kind, expected = name, status
                    break
                roll -= share
            began = time.perf_counter()
            status = actions[kind]()
            mine.append((kind, (time.perf_counter() - began) * 1000, status, expected))
        with lock:
            results.extend(mine)

    threads = [threading.Thread(target=run, args=(n,)) for n in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    out.put(results)


def percentile(values: list[float], share: float) -> float:
    """The value below which `share` of the sorted values lie (nearest rank)."""
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


@dataclass
class Round:
    """The figures of one round: clients, seconds, and per kind the latencies and errors."""

    clients: int
    seconds: float
    load_before: float
    load_after: float
    latencies: dict[str, list[float]] = field(default_factory=dict)
    errors: dict[str, int] = field(default_factory=dict)  # "kind status": how many

    @property
    def requests(self) -> int:
        return sum(len(v) for v in self.latencies.values())

    def rate(self, kind: str | None = None) -> float:
        count = self.requests if kind is None else len(self.latencies.get(kind, []))
        return count / self.seconds

    def all_latencies(self) -> list[float]:
        return [ms for values in self.latencies.values() for ms in values]


def run_round(setup: Setup, clients: int, seconds: float, processes: int = 4) -> Round:
    """`clients` concurrent clients for `seconds`, spread over up to `processes` processes."""
    context = multiprocessing.get_context("spawn")
    out = context.Queue()
    count = max(1, min(processes, clients))
    shares = [clients // count + (1 if n < clients % count else 0) for n in range(count)]
    load_before = os.getloadavg()[0]
    workers = [
        context.Process(target=_client_process, args=(setup, share, seconds, n, out))
        for n, share in enumerate(shares)
    ]
    for worker in workers:
        worker.start()
    collected = [out.get(timeout=seconds + 180) for _ in workers]
    for worker in workers:
        worker.join(timeout=30)
    result = Round(clients, seconds, load_before, os.getloadavg()[0])
    for batch in collected:
        for kind, ms, status, expected in batch:
            result.latencies.setdefault(kind, []).append(ms)
            if status != expected:
                key = f"{kind} {status or 'no answer'}"
                result.errors[key] = result.errors.get(key, 0) + 1
    return result


def table(rounds: list[Round]) -> str:
    """The rounds as a Markdown table."""
    lines = [
        "| clients | requests/s (search / case page / link) | all p50 / p95 / p99 ms "
        "| search p95 | case page p95 | link p95 | errors | load avg before → after |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for number, r in enumerate(rounds):
        every = r.all_latencies()
        label = f"{r.clients} (reference, {r.seconds:.0f} s)" if number == 0 else str(r.clients)
        kinds = " / ".join(f"{r.rate(k):.0f}" for k, _, _ in MIX)
        p95 = [f"{percentile(r.latencies.get(k, []), 0.95):.0f}" for k, _, _ in MIX]
        lines.append(
            f"| {label} | {r.rate():.0f} ({kinds}) | {percentile(every, 0.5):.0f} / "
            f"{percentile(every, 0.95):.0f} / {percentile(every, 0.99):.0f} | {p95[0]} | "
            f"{p95[1]} | {p95[2]} | {_errors(r)} of {r.requests} | "
            f"{r.load_before:.1f} → {r.load_after:.1f} |"
        )
    return "\n".join(lines)


def _errors(r: Round) -> str:
    total = sum(r.errors.values())
    if not total:
        return "0"
    return f"{total} ({', '.join(f'{k}: {n}' for k, n in sorted(r.errors.items()))})"


def write_docs(path: Path, text: str) -> None:
    """Replace the load-test section of the performance page with `text`."""
    page = path.read_text()
    if MARK_START in page and MARK_END in page:
        head, rest = page.split(MARK_START, 1)
        _, tail = rest.split(MARK_END, 1)
        page = f"{head}{MARK_START}\n{text}\n{MARK_END}{tail}"
    else:
        page = f"{page.rstrip()}\n\n{MARK_START}\n{text}\n{MARK_END}\n"
    path.write_text(page)


REFERENCE_SECONDS = 15  # one client alone first: the machine's speed, to compare runs by


def main(client_counts: list[int], seconds: float, docs: Path | None, workers: int = 2) -> str:
    """Start the server, run a one-client reference and one round per client count, print
    and optionally record."""
    server = start_server(workers)
    try:
        setup = prepare(server)
        print(f"reference: 1 client for {REFERENCE_SECONDS} s …", file=sys.stderr, flush=True)
        rounds = [run_round(setup, 1, REFERENCE_SECONDS)]
        for clients in client_counts:
            print(f"{clients} clients for {seconds:.0f} s …", file=sys.stderr, flush=True)
            rounds.append(run_round(setup, clients, seconds))
    finally:
        server.stop()
        shutil.rmtree(server.data, ignore_errors=True)
    when = time.strftime("%Y-%m-%d %H:%M")
    cpus = os.cpu_count()
    text = "\n".join(
        [
            f"Measured {when} with `make loadtest` (`graphsvc loadtest --clients "
            f"{' --clients '.join(map(str, client_counts))} --seconds {seconds:.0f}`): "
            f"`graphsvc run` with {workers} workers × 4 threads and the embedded engine on "
            f"the Herne seeds, {cpus} CPUs, clients on the same machine over loopback; mix "
            + ", ".join(f"{int(share * 100)} % {kind}" for kind, share, _ in MIX)
            + ". The first row is one client alone, the reference to compare machines and runs "
            "by.",
            "",
            table(rounds),
        ]
    )
    print(text)
    if docs:
        write_docs(docs, text)
    return text
