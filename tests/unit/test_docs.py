"""The documentation stays true to the code: a short README, every setting documented, no
dead links."""

from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import ROOT

README = ROOT / "README.md"
DOCS = sorted((ROOT / "docs").rglob("*.md"))
MAX_README_LINES = 150
# `env.get("NAME"` / `environ["NAME"]`: how config.py (and the test fixtures) read a variable.
CONFIG_READ = re.compile(r"\benv(?:iron)?(?:\.get\(|\[)\s*[\"']([A-Z][A-Z0-9_]*)[\"']")
TESTS_READ = re.compile(r"\bos\.environ(?:\.get\(|\[)\s*[\"']([A-Z][A-Z0-9_]*)[\"']")
LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)\)")
FENCE = re.compile(r"^```.*?^```", re.M | re.S)
EXTERNAL = ("http://", "https://", "mailto:")


def configuration_table(text: str) -> list[str]:
    """The rows of the first table under the README's "## Configuration" heading."""
    section = text.split("\n## Configuration", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("|")]
    return rows[2:]  # without the header and the |---| line


def documented_variables(text: str) -> set[str]:
    """The variable names in the first column of the README's configuration table."""
    names: set[str] = set()
    for row in configuration_table(text):
        first_cell = row.strip("|").split("|", 1)[0]
        names.update(re.findall(r"`([A-Z][A-Z0-9_]*)`", first_cell))
    return names


def read_variables() -> set[str]:
    """Variables the app reads in graphsvc/config.py and the test suite in its fixtures."""
    config = (ROOT / "graphsvc" / "config.py").read_text(encoding="utf-8")
    fixtures = "".join(
        (ROOT / "tests" / name).read_text(encoding="utf-8")
        for name in ("conftest.py", "engines.py")
    )
    return set(CONFIG_READ.findall(config)) | set(TESTS_READ.findall(fixtures))


def anchor(heading: str) -> str:
    """The anchor a Markdown renderer (GitHub) gives a heading."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def anchors(path: Path) -> set[str]:
    """The anchors of every heading in a Markdown file."""
    text = FENCE.sub("", path.read_text(encoding="utf-8"))
    return {anchor(m) for m in re.findall(r"^#{1,6}\s+(.+?)\s*$", text, re.M)}


def relative_links(path: Path) -> list[str]:
    """The targets of the Markdown links and images of a file, outside code blocks."""
    text = FENCE.sub("", path.read_text(encoding="utf-8"))
    return [t for t in LINK.findall(text) if not t.startswith(EXTERNAL)]


def test_readme_fits_in_150_lines():
    lines = README.read_text(encoding="utf-8").splitlines()
    assert len(lines) <= MAX_README_LINES, f"README has {len(lines)} lines: move detail to docs/"


def test_configuration_variables_are_found_in_the_code():
    # Guards the extraction below: if it found nothing, the next test would prove nothing.
    assert {"GRAPH_URL", "SECRET_KEY", "GRAPHSVC_DATA_DIR", "NEO4J_URI"} <= read_variables()


def test_readme_configuration_table_lists_exactly_the_variables_the_code_reads():
    documented = documented_variables(README.read_text(encoding="utf-8"))
    read = read_variables()
    assert not read - documented, f"read but not in the README table: {sorted(read - documented)}"
    assert not documented - read, f"in the README table but never read: {sorted(documented - read)}"


def test_readme_configuration_table_gives_name_default_and_meaning_per_row():
    for row in configuration_table(README.read_text(encoding="utf-8")):
        cells = [cell.strip() for cell in row.strip().strip("|").split("|")]
        assert len(cells) == 3 and all(cells), row


def test_every_relative_link_in_the_docs_points_to_an_existing_file():
    broken = []
    for page in [README, *DOCS]:
        for target in relative_links(page):
            file_part, _, fragment = target.partition("#")
            linked = (page.parent / file_part).resolve() if file_part else page
            if not linked.exists():
                broken.append(f"{page.relative_to(ROOT)}: {target} (no such file)")
            elif fragment and linked.suffix == ".md" and fragment not in anchors(linked):
                broken.append(f"{page.relative_to(ROOT)}: {target} (no such heading)")
    assert not broken, "\n".join(broken)


def test_readme_and_features_show_every_page_screenshot_at_laptop_and_phone_width():
    readme = README.read_text(encoding="utf-8")
    features = (ROOT / "docs" / "features.md").read_text(encoding="utf-8")
    shots = sorted((ROOT / "docs" / "screenshots").glob("*-1366.png"))
    names = {shot.stem.rsplit("-", 1)[0] for shot in shots}
    assert {"search-results", "case", "cases", "intake", "gap-report", "users"} <= names
    for name in names:
        for width in ("1366", "390"):
            screenshot = ROOT / "docs" / "screenshots" / f"{name}-{width}.png"
            assert f"(docs/screenshots/{name}-{width}.png)" in readme, screenshot.name
            assert f"(screenshots/{name}-{width}.png)" in features, screenshot.name
            assert screenshot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
            assert screenshot.stat().st_size < 300_000


def test_docs_name_no_issue_numbers():
    for page in [README, *DOCS]:
        found = re.findall(r"\bissue\s+#?\d+", page.read_text(encoding="utf-8"), re.I)
        assert not found, f"{page.relative_to(ROOT)}: {found}"
