"""Build step: the wheel carries the folders the app reads at run time.

cypher/, templates/ and seeds/ stay top-level folders of the repository (they are what a
reader looks for first); building copies them into the package, and the German catalogue is
compiled, so an installed wheel needs no source checkout (graphsvc/resources.py finds both).
The front-end libraries the pages load (graphsvc/static/vendor/, from the npm registry) must
be there before a wheel is built: without them the network page would be blank, so the build
stops and says how to get them.
"""

import re
import shutil
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
CARRIED = ("cypher", "templates", "seeds")
VENDOR = ROOT / "graphsvc" / "static" / "vendor"
VENDOR_REFERENCE = re.compile(r"vendor/([A-Za-z0-9_.-]+\.(?:js|css))")


def missing_vendor_files() -> list[str]:
    """Files under static/vendor/ that a template or script loads but the checkout lacks."""
    templates = (ROOT / "templates").rglob("*.html")
    sources = [*templates, *(ROOT / "graphsvc" / "static").rglob("*.js")]
    wanted = {
        name
        for path in sources
        if VENDOR not in path.parents
        for name in VENDOR_REFERENCE.findall(path.read_text(encoding="utf-8"))
    }
    return sorted(name for name in wanted if not (VENDOR / name).is_file())


class BuildWithResources(build_py):
    """build_py, plus the carried folders and the compiled translations."""

    def run(self) -> None:
        missing = [] if getattr(self, "editable_mode", False) else missing_vendor_files()
        if missing:
            raise SystemExit(
                "graphsvc: the pages need these front-end libraries in graphsvc/static/vendor/, "
                "which are missing: "
                + ", ".join(missing)
                + ". They come from the npm registry: run `make setup`, or "
                "`npm ci --omit=dev && node tools/vendor.mjs` (docker compose does this in its "
                "vendor service), then build again."
            )
        super().run()
        package = Path(self.build_lib) / "graphsvc"
        for name in CARRIED:
            shutil.copytree(ROOT / name, package / name, dirs_exist_ok=True)
        for po in (ROOT / "graphsvc" / "translations").rglob("*.po"):
            target = package / po.relative_to(ROOT / "graphsvc").with_suffix(".mo")
            target.parent.mkdir(parents=True, exist_ok=True)
            with po.open("rb") as source, target.open("wb") as out:
                write_mo(out, read_po(source))


setup(cmdclass={"build_py": BuildWithResources})
