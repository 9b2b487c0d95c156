"""Small-cell suppression for tables shown to others (coordination, steering committee).

Primary: a cell counting fewer than `threshold` cases (but more than none) is hidden.
Secondary: no hidden cell may be worked out from the row and column totals, so in every row
and column either nothing is hidden, or at least two cells are hidden and together they count
at least `threshold`; otherwise the next-smallest shown cell is hidden too, and if none is
left, the line's total is hidden. A total whose line hides no cell always shows: it is the
sum of the cells beside it, so hiding it would protect nothing and only puzzle the reader.
"""

from __future__ import annotations

from dataclasses import dataclass, field

MIN_THRESHOLD = 3
DEFAULT_THRESHOLD = 5

Cell = tuple[str, str]


@dataclass
class SuppressedTable:
    """Counts per (row, column) with the hidden ones marked, and the totals that may show."""

    counts: dict[Cell, int]
    hidden: set[Cell] = field(default_factory=set)
    hidden_row_totals: set[str] = field(default_factory=set)
    hidden_column_totals: set[str] = field(default_factory=set)

    def shown(self, cell: Cell) -> int | None:
        """The count to show, or None where it is suppressed."""
        return None if cell in self.hidden else self.counts.get(cell, 0)

    def hides_in_row(self, row: str) -> bool:
        """Whether any cell of the row is hidden."""
        return any(r == row for r, _ in self.hidden)

    def row_total(self, row: str) -> int | None:
        """The row's total, or None where it would reveal a hidden cell."""
        if row in self.hidden_row_totals and self.hides_in_row(row):
            return None
        return sum(n for (r, _), n in self.counts.items() if r == row)

    def column_total(self, column: str) -> int | None:
        """The column's total, or None where it would reveal a hidden cell."""
        if column in self.hidden_column_totals and any(c == column for _, c in self.hidden):
            return None
        return sum(n for (_, c), n in self.counts.items() if c == column)


def check_threshold(threshold: int) -> int:
    """The threshold, refused below the minimum the data-protection rule allows."""
    if threshold < MIN_THRESHOLD:
        raise ValueError(f"the suppression threshold must be at least {MIN_THRESHOLD}")
    return threshold


def suppress(
    counts: dict[Cell, int], threshold: int = DEFAULT_THRESHOLD, axes: tuple[int, ...] = (0, 1)
) -> SuppressedTable:
    """Apply primary and secondary suppression to a table of case counts; `axes` (0 rows,
    1 columns) are the lines that have a shown total and so need secondary suppression."""
    check_threshold(threshold)
    table = SuppressedTable(dict(counts))
    table.hidden = {cell for cell, n in counts.items() if 0 < n < threshold}
    rows = {r for r, _ in counts}
    columns = {c for _, c in counts}
    changed = True
    while changed:
        changed = False
        for axis, lines in ((0, rows), (1, columns)):
            if axis not in axes:
                continue
            for line in lines:
                cells = [cell for cell in counts if cell[axis] == line]
                hidden = [cell for cell in cells if cell in table.hidden]
                if not hidden or (len(hidden) >= 2 and sum(counts[c] for c in hidden) >= threshold):
                    continue
                candidates = sorted(
                    (c for c in cells if c not in table.hidden and counts[c] > 0),
                    key=lambda cell: counts[cell],
                )
                if candidates:
                    table.hidden.add(candidates[0])
                    changed = True
                else:
                    totals = table.hidden_row_totals if axis == 0 else table.hidden_column_totals
                    totals.add(line)
    return table
