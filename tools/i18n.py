"""Keep the German catalogue in step with the code.

python tools/i18n.py            extract, merge into de/messages.po, list what lacks German
python tools/i18n.py --check    exit 1 if any interface text lacks a German translation
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[1]
PO = ROOT / "graphsvc/translations/de/LC_MESSAGES/messages.po"


def extract(pot: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "babel.messages.frontend", "extract", "-F", "babel.cfg",
         "-k", "_l", "-k", "lazy_gettext", "--no-location", "--omit-header", "-o", str(pot), "."],
        cwd=ROOT, check=True, capture_output=True,
    )  # fmt: skip


def missing() -> list[str]:
    with tempfile.TemporaryDirectory() as tmp:
        pot = Path(tmp) / "messages.pot"
        extract(pot)
        wanted = {m.id for m in read_po(pot.open("rb")) if m.id}
    catalog = read_po(PO.open("rb"))
    # A plural message is translated only when every form is.
    have = {
        m.id
        for m in catalog
        if m.id and not m.fuzzy and (all(m.string) if isinstance(m.string, tuple) else m.string)
    }
    return sorted(wanted - have, key=str)


if __name__ == "__main__":
    if "--check" not in sys.argv:
        with tempfile.TemporaryDirectory() as tmp:
            pot = Path(tmp) / "messages.pot"
            extract(pot)
            subprocess.run(
                [sys.executable, "-m", "babel.messages.frontend", "update", "-i", str(pot),
                 "-d", "graphsvc/translations", "--no-fuzzy-matching", "--ignore-obsolete"],
                cwd=ROOT, check=True, capture_output=True,
            )  # fmt: skip
    gaps = missing()
    for msgid in gaps:
        print(f"no German for: {msgid!r}")
    sys.exit(1 if gaps and "--check" in sys.argv else 0)
