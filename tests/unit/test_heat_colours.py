"""The gap report's heat map is read by people who need contrast: every level's text (the
big number and the small line below it) meets WCAG AA (4.5:1) on its background, on the page
and in the PDF. axe-core sees only the levels the data of a run happens to show."""

from __future__ import annotations

import re

import pytest

from graphsvc.services.gaps_pdf import DARK_LEVELS, HEAT_COLOURS
from tests.support import ROOT

CSS = (ROOT / "graphsvc" / "static" / "css").joinpath


def luminance(rgb: tuple[int, int, int]) -> float:
    def channel(c: int) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def rgb(hex_colour: str) -> tuple[int, int, int]:
    h = hex_colour.lstrip("#")
    h = "".join(c * 2 for c in h) if len(h) == 3 else h
    return (int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16))


INK = rgb(re.search(r"--ink:\s*(#[0-9a-fA-F]{3,6})", CSS("app.css").read_text())[1])
WHITE = (255, 255, 255)


@pytest.mark.parametrize("level", range(6))
def test_each_heat_level_on_the_page_keeps_its_text_readable(level):
    rule = re.search(rf"\.gap-level-{level} \{{([^}}]*)\}}", CSS("gaps.css").read_text())[1]
    background = rgb(re.search(r"background:\s*(#[0-9a-fA-F]+)", rule)[1])
    text = re.search(r"(?<!-)color:\s*(#[0-9a-fA-F]+)", rule)
    assert contrast(background, rgb(text[1]) if text else INK) >= 4.5
    assert background == HEAT_COLOURS[level]  # the PDF draws the same colours


@pytest.mark.parametrize("level", range(6))
def test_each_heat_level_in_the_pdf_keeps_its_text_readable(level):
    text = WHITE if level in DARK_LEVELS else (0, 0, 0)
    assert contrast(HEAT_COLOURS[level], text) >= 4.5


def test_the_small_line_of_a_cell_takes_the_cells_colour():
    assert re.search(r"\.gap-heat td small \{[^}]*color:\s*inherit", CSS("gaps.css").read_text())
