"""The one CSV writer: every CSV graphsvc writes goes through it, so every cell passes the
one formula guard.

A spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` (and, in some programs, a
tab or a carriage return) as a formula; a name such as `=HYPERLINK("http://…")` typed into
the directory would run on a coordinator's machine. Such a cell gets a leading apostrophe,
which spreadsheets show as text and do not run (the OWASP advice for CSV injection). A cell
made only of digits, spaces and `+ - ( ) / .` cannot call anything, so a phone number
(`+49 2323 16-0`) or a negative number stays as it is.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, TextIO

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
HARMLESS = re.compile(r"[+\-]?[0-9 ()/.+\-]*")


def safe_cell(value: Any) -> Any:
    """The value to write: a text a spreadsheet would run gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        if not HARMLESS.fullmatch(value):
            return "'" + value
    return value


def unquoted(cell: str) -> str:
    """A cell as it was before `safe_cell`: what graphsvc's own CSV files read back (an HSDS
    export imported again) keeps a leading "-" or "=" instead of gaining an apostrophe."""
    if cell.startswith("'") and cell[1:].startswith(FORMULA_STARTS):
        if not HARMLESS.fullmatch(cell[1:]):
            return cell[1:]
    return cell


class Writer:
    """csv.writer whose every cell passes `safe_cell`."""

    def __init__(self, out: TextIO, delimiter: str = ",", lineterminator: str = "\r\n"):
        self._writer = csv.writer(out, delimiter=delimiter, lineterminator=lineterminator)

    def writerow(self, values: Iterable[Any]) -> None:
        """One row."""
        self._writer.writerow([safe_cell(v) for v in values])

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        """Several rows."""
        for row in rows:
            self.writerow(row)


def to_text(
    rows: Iterable[Iterable[Any]], delimiter: str = ",", lineterminator: str = "\r\n"
) -> str:
    """The rows as one CSV text."""
    out = io.StringIO()
    Writer(out, delimiter, lineterminator).writerows(rows)
    return out.getvalue()


def dict_rows(rows: Iterable[dict[str, Any]], columns: Sequence[str]) -> Iterator[list[Any]]:
    """A header row, then each dict's values in the order of `columns` (missing keys empty)."""
    yield list(columns)
    for row in rows:
        yield [row.get(column, "") for column in columns]


def stream(
    rows: Iterable[Iterable[Any]], delimiter: str = ",", lineterminator: str = "\r\n"
) -> Iterator[str]:
    """The rows as CSV text, a chunk per row, for answers too long to build in memory."""
    out = io.StringIO()
    writer = Writer(out, delimiter, lineterminator)
    for row in rows:
        writer.writerow(row)
        yield out.getvalue()
        out.seek(0)
        out.truncate()
