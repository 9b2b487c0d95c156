"""The package stands on its own: a wheel installed into a fresh virtualenv outside the
repository finds its queries, templates, seeds and translations, prepares a graph and serves
a page in German."""

from __future__ import annotations

import subprocess
import sys
import time
import urllib.request

from graphsvc.dev.served import free_port
from tests.support import ROOT


def _run(*command, cwd, env=None, timeout=300) -> subprocess.CompletedProcess:
    result = subprocess.run(
        command, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )
    assert result.returncode == 0, f"{command}: {result.stdout}\n{result.stderr}"
    return result


def test_a_wheel_installed_outside_the_checkout_prepares_a_graph_and_serves_german_pages(
    tmp_path,
):
    _run(sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT),
         cwd=tmp_path)  # fmt: skip
    wheel = next(tmp_path.glob("graphsvc-*.whl"))
    _run(sys.executable, "-m", "venv", str(tmp_path / "venv"), cwd=tmp_path)
    bin_dir = tmp_path / "venv" / "bin"
    _run(str(bin_dir / "pip"), "install", "-q", str(wheel), cwd=tmp_path, timeout=600)
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    env = {
        "PATH": f"{bin_dir}:/usr/bin:/bin",
        "HOME": str(tmp_path),
        "GRAPHSVC_DATA_DIR": str(outside / "data"),
        "GRAPHSVC_PORT": str(free_port()),
        "GRAPHSVC_ADMIN_PASSWORD": "Wheel-Test-Passwort-1",
    }
    init = _run(str(bin_dir / "graphsvc"), "init", cwd=outside, env=env)
    assert "seed items loaded" in init.stdout
    hsds = _run(
        str(bin_dir / "graphsvc"), "export-hsds", str(outside / "hsds"), cwd=outside, env=env
    )
    assert "110 services" in hsds.stdout  # the HSDS schemas come with the package
    checked = _run(
        str(bin_dir / "graphsvc"), "import-hsds", str(outside / "hsds"), "--municipality", "herne",
        "--dry-run", cwd=outside, env=env,
    )  # fmt: skip
    assert "110 already in the directory" in checked.stdout

    server = subprocess.Popen(
        [str(bin_dir / "graphsvc"), "run", "--workers", "1"],
        cwd=outside,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        base = f"http://127.0.0.1:{env['GRAPHSVC_PORT']}"
        deadline = time.monotonic() + 60
        page = ""
        while time.monotonic() < deadline and not page:
            try:
                with urllib.request.urlopen(base + "/login", timeout=2) as answer:
                    page = answer.read().decode()
            except OSError:
                time.sleep(0.3)
        assert "Anmelden" in page  # the German catalogue was compiled into the wheel
        with urllib.request.urlopen(base + "/static/css/app.css", timeout=5) as answer:
            assert answer.status == 200
        # What npm fetched for the pages is in the wheel too (the network page loads it).
        with urllib.request.urlopen(base + "/static/vendor/cytoscape.min.js", timeout=5) as js:
            assert js.status == 200 and len(js.read()) > 100_000
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_building_a_wheel_without_the_front_end_libraries_stops_and_says_how_to_get_them(
    tmp_path,
):
    checkout = tmp_path / "checkout"
    tracked = subprocess.run(
        ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True
    ).stdout.split(b"\0")
    for name in filter(None, tracked):
        source = ROOT / name.decode()
        if source.is_file():
            target = checkout / name.decode()
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(source.read_bytes())
    assert not (checkout / "graphsvc" / "static" / "vendor").exists()  # made by make setup
    command = [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path)]
    build = subprocess.run(
        [*command, str(checkout)], capture_output=True, text=True, timeout=600, check=False
    )
    assert build.returncode != 0
    said = build.stdout + build.stderr
    assert "graphsvc/static/vendor/, which are missing: " in said
    assert "cytoscape.min.js" in said and "cytoscape-fcose.js" in said and "make setup" in said
    assert not list(tmp_path.glob("graphsvc-*.whl"))
