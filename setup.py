"""Build step: the wheel carries the folders the app reads at run time.

cypher/, templates/ and seeds/ stay top-level folders of the repository (they are what a
reader looks for first); building copies them into the package, and the German catalogue is
compiled, so an installed wheel needs no source checkout (graphsvc/resources.py finds both).
"""

import shutil
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
CARRIED = ("cypher", "templates", "seeds")


class BuildWithResources(build_py):
    """build_py, plus the carried folders and the compiled translations."""

    def run(self) -> None:
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
