"""Where the folders the app reads are: inside the installed package (a wheel carries
cypher/, templates/ and seeds/ in graphsvc/), or in a source checkout beside the package,
where the repository keeps them at the top level."""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent


def folder(name: str) -> Path:
    """The folder `name` (cypher, templates, seeds, …) this installation reads."""
    for candidate in (PACKAGE / name, PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(
        f"graphsvc cannot find its {name}/ folder (looked in {PACKAGE} and {PACKAGE.parent}); "
        "reinstall the package"
    )
