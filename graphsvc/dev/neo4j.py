"""A real Neo4j Community server on a loopback port, from Maven Central, for development.

The launcher in `tools/neo4j/` (a Maven project of one class) runs Neo4j's embedded database
with its Bolt connector. The first start resolves it with Maven (downloads into ~/.m2, about
a minute); later starts use the cache and take a few seconds. The tests (one server per
session), `make neo4j` and `graphsvc bench --engines` start it through `LocalNeo4j`.

This lives in the package, not in tests/, because the bench starts one too; it needs a
source checkout (the launcher's sources are not in the wheel), Java 17+ and Maven.

    python -m graphsvc.dev.neo4j [--data DIR]   # start one, print its URL, stop on Ctrl-C
"""

from __future__ import annotations

import argparse
import ctypes
import fcntl
import os
import shutil
import signal
import subprocess  # nosec B404
import sys
import tempfile
import threading
from pathlib import Path

from ..graph.embedded import terminate
from ..resources import PACKAGE

LAUNCHER = PACKAGE.parent / "tools" / "neo4j"
MAIN_CLASS = "graphsvc.Neo4jLauncher"
USER = "neo4j"
PASSWORD = "graphsvc-test"  # nosec B105
PR_SET_PDEATHSIG = 1
# The JVM's heap and Neo4j's page cache: small enough to share a 2-core, 24 GiB machine with
# other test runs, large enough for the Herne seeds; the bench asks for more.
TEST_HEAP = "768m"
TEST_PAGECACHE = "256m"


class Neo4jUnavailable(RuntimeError):
    """The launcher cannot be built or started here; the message says what is missing."""


def _die_with_parent() -> None:
    # If the Python process is killed hard, the kernel stops the server as well.
    libc = ctypes.CDLL("libc.so.6", use_errno=True)
    libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


def missing_tools() -> list[str]:
    """What this machine lacks to run the launcher (empty when it can)."""
    missing = []
    if not LAUNCHER.is_dir():
        missing.append(f"the launcher sources ({LAUNCHER}; a source checkout is needed)")
    if not _java():
        missing.append("java (17 or newer)")
    if not shutil.which("mvn") and not _built():
        missing.append("mvn (Maven)")
    return missing


def _java() -> str | None:
    home = os.environ.get("JAVA_HOME")
    if home and (Path(home) / "bin" / "java").exists():
        return str(Path(home) / "bin" / "java")
    return shutil.which("java")


def _target() -> Path:
    return LAUNCHER / "target"


def _built() -> list[str] | None:
    """The class path when the launcher is built and newer than its sources, else None."""
    listing = _target() / "classpath.txt"
    classes = _target() / "classes"
    if not listing.exists() or not classes.is_dir():
        return None
    stamp = listing.stat().st_mtime
    sources = [LAUNCHER / "pom.xml", *(LAUNCHER / "src").rglob("*.java")]
    if any(p.stat().st_mtime > stamp for p in sources):
        return None
    jars = listing.read_text().strip().split(os.pathsep)
    if not all(Path(j).exists() for j in jars):  # ~/.m2 was emptied
        return None
    return [str(classes), *jars]


def build() -> list[str]:
    """Compile the launcher and resolve Neo4j's jars once; return the class path."""
    ready = _built()
    if ready:
        return ready
    missing = missing_tools()
    if missing:
        raise Neo4jUnavailable("cannot start Neo4j: missing " + ", ".join(missing))
    _target().mkdir(exist_ok=True)
    with open(_target() / ".build.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # two test runs in one checkout build once
        ready = _built()
        if ready:
            return ready
        print("neo4j: resolving Neo4j from Maven Central (first run only) …", file=sys.stderr)
        done = subprocess.run(  # nosec B603 B607
            [
                "mvn",
                "-q",
                "-B",
                "-f",
                str(LAUNCHER / "pom.xml"),
                "compile",
                "dependency:build-classpath",
                "-Dmdep.outputFile=target/classpath.txt",
            ],
            capture_output=True,
            text=True,
        )
        if done.returncode != 0:
            tail = (done.stdout + done.stderr).strip().splitlines()[-15:]
            raise Neo4jUnavailable("building the Neo4j launcher failed:\n" + "\n".join(tail))
        # The class-path file is the build's time stamp (see _built), but Maven leaves it
        # untouched when the class path did not change, e.g. after an edit of the launcher.
        (_target() / "classpath.txt").touch()
    ready = _built()
    if not ready:
        raise Neo4jUnavailable("the Neo4j launcher built, but its class path is incomplete")
    return ready


class LocalNeo4j:
    """One Neo4j server process on a free loopback port, with its store in `data_dir`."""

    def __init__(
        self,
        data_dir: Path | None = None,
        *,
        password: str = PASSWORD,
        heap: str = TEST_HEAP,
        pagecache: str = TEST_PAGECACHE,
        port: int = 0,
    ):
        self._owned_dir = data_dir is None
        self.data_dir = Path(data_dir or tempfile.mkdtemp(prefix="graphsvc-neo4j-")).resolve()
        self.user = USER
        self.password = password
        self.heap = heap
        self.pagecache = pagecache
        self.port = port
        self.url: str | None = None
        self._process: subprocess.Popen | None = None

    @property
    def log(self) -> Path:
        """The launcher's output (Neo4j's own log is in data_dir/logs)."""
        return self.data_dir / "launcher.log"

    def start(self, timeout: float = 300.0) -> LocalNeo4j:
        """Build if needed, start the server and wait for its Bolt URL."""
        classpath = build()
        self.data_dir.mkdir(parents=True, exist_ok=True)
        log = self.log.open("w")
        # The class path of 200 jars goes into an argument file, so `ps` stays readable.
        arguments = self.data_dir / "java.args"
        arguments.write_text(f'-cp "{os.pathsep.join(classpath)}"\n')
        command = [
            _java() or "java",
            f"-Xmx{self.heap}",
            "-XX:+UseG1GC",
            "-Dfile.encoding=UTF-8",
            f"@{arguments}",
            MAIN_CLASS,
            "--data",
            str(self.data_dir / "store"),
            "--port",
            str(self.port),
            "--password",
            self.password,
            "--pagecache",
            self.pagecache,
        ]
        self._process = subprocess.Popen(  # nosec B603
            command,
            stdin=subprocess.PIPE,  # the server stops when this pipe closes
            stdout=subprocess.PIPE,
            stderr=log,
            text=True,
            preexec_fn=_die_with_parent,
            start_new_session=True,  # Ctrl-C reaches Python, which stops the server in order
        )
        log.close()
        found: list[str] = []
        reader = threading.Thread(target=self._read_ready, args=(found,), daemon=True)
        reader.start()
        reader.join(timeout)
        if not found:
            self.stop()
            tail = self.log.read_text(errors="replace").strip().splitlines()[-10:]
            raise Neo4jUnavailable(
                f"Neo4j did not start within {timeout:.0f} s:\n" + "\n".join(tail)
            )
        self.url = found[0]
        return self

    def _read_ready(self, found: list[str]) -> None:
        assert self._process and self._process.stdout  # nosec B101
        for line in self._process.stdout:
            if line.startswith("READY "):
                found.append(line.split(None, 1)[1].strip())
                return

    def stop(self) -> None:
        """Stop the server (it checkpoints its store) and wait; remove a temporary store."""
        process, self._process = self._process, None
        if process:
            terminate(process, timeout=60)
            for pipe in (process.stdin, process.stdout):
                if pipe:
                    pipe.close()
        if self._owned_dir:
            shutil.rmtree(self.data_dir, ignore_errors=True)

    def wait(self) -> int:
        """Wait until the server ends by itself; return its exit code."""
        assert self._process, "start the server first"  # nosec B101
        return self._process.wait()

    @property
    def env(self) -> dict[str, str]:
        """The environment variables that point graphsvc at this server."""
        assert self.url, "start the server first"  # nosec B101
        return {"GRAPH_URL": self.url, "NEO4J_USER": self.user, "NEO4J_PASSWORD": self.password}

    def __enter__(self) -> LocalNeo4j:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


def main(argv: list[str] | None = None) -> int:
    """Start a Neo4j for trying, print how to use it, and stop it on Ctrl-C."""
    parser = argparse.ArgumentParser(prog="python -m graphsvc.dev.neo4j", description=__doc__)
    parser.add_argument("--data", type=Path, help="keep the store here (default: temporary)")
    parser.add_argument("--port", type=int, default=0, help="Bolt port (default: a free one)")
    parser.add_argument("--heap", default="1g", help="JVM heap (default: 1g)")
    parser.add_argument("--pagecache", default="512m", help="page cache (default: 512m)")
    args = parser.parse_args(argv)
    server = LocalNeo4j(args.data, heap=args.heap, pagecache=args.pagecache, port=args.port)
    try:
        server.start()
    except Neo4jUnavailable as exc:
        print(exc, file=sys.stderr)
        return 1
    env = " ".join(f"{k}={v}" for k, v in server.env.items())
    print(f"Neo4j {server.url} (user {server.user}, password {server.password})")
    print(f"store: {server.data_dir / 'store'}{'' if args.data else ' (removed at the end)'}")
    print(f"try:   {env} make run")
    print("Ctrl-C stops it.", flush=True)
    # Both, explicitly: a shell starting this in the background ignores SIGINT for it.
    signal.signal(signal.SIGTERM, _interrupt)
    signal.signal(signal.SIGINT, _interrupt)
    try:
        code = server.wait()
    except KeyboardInterrupt:
        code = 0
    finally:
        server.stop()
    return code


def _interrupt(signum, frame) -> None:
    raise KeyboardInterrupt


if __name__ == "__main__":
    sys.exit(main())
