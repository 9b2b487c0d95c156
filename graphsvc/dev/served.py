"""`graphsvc run` started from another process on a free loopback port, waited for until
/readyz says ready: what the load test, the browser and served tests and the network page
measurement drive, each with its own data directory and settings."""

from __future__ import annotations

import os
import socket

# Starts `graphsvc run` with a fixed argument list.
import subprocess  # nosec B404
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from ..graph.embedded import terminate


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def environment(data: Path, **settings: str) -> dict[str, str]:
    """This process's environment for `graphsvc run` on `data` and a free port, on the
    embedded engine (a GRAPH_URL of the caller's would point elsewhere), plus `settings`."""
    env = {
        **os.environ,
        "GRAPHSVC_DATA_DIR": str(data),
        "GRAPHSVC_PORT": str(free_port()),
        **settings,
    }
    env.pop("GRAPH_URL", None)
    return env


@dataclass
class Served:
    """A running `graphsvc run`: where it answers, its data, its process and log."""

    base: str
    port: int
    data: Path
    process: subprocess.Popen
    log: TextIO

    def stop(self) -> None:
        """Stop the app and its engine (SIGTERM: the engine saves its data) and wait."""
        terminate(self.process, timeout=60)
        self.log.close()

    def log_text(self) -> str:
        """What the app and its engine wrote so far."""
        return Path(self.log.name).read_text(errors="replace")


def start(env: dict[str, str], workers: int = 1, ready_within: float = 120) -> Served:
    """`graphsvc run --workers N` with `env` (see `environment`), its output in
    <data>/server.log; returned once /readyz answers 200, else RuntimeError with the log."""
    data = Path(env["GRAPHSVC_DATA_DIR"])
    port = int(env["GRAPHSVC_PORT"])
    log = (data / "server.log").open("w")
    process = subprocess.Popen(  # nosec B603
        [sys.executable, "-m", "graphsvc.cli", "run", "--workers", str(workers)],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    served = Served(f"http://127.0.0.1:{port}", port, data, process, log)
    deadline = time.monotonic() + ready_within
    while time.monotonic() < deadline and process.poll() is None:
        try:
            with urllib.request.urlopen(served.base + "/readyz", timeout=2) as answer:  # nosec B310
                if answer.status == 200:
                    return served
        except OSError:
            time.sleep(0.2)
    served.stop()
    raise RuntimeError("graphsvc run did not get ready:\n" + served.log_text())
