"""Every interface text has a German translation (German is the default language)."""

from __future__ import annotations

import subprocess
import sys

from tests.support import ROOT


def test_every_interface_text_has_german():
    result = subprocess.run(
        [sys.executable, "tools/i18n.py", "--check"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
