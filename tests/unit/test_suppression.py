"""Small-cell suppression: no shown figure reveals a cell under the threshold."""

from __future__ import annotations

import itertools

import pytest

from graphsvc.domain.suppression import suppress


def derivable_hidden_cells(table):
    """Hidden cells a reader could compute: the only hidden cell of a line with a shown total."""
    found = set()
    for axis in (0, 1):
        for line in {cell[axis] for cell in table.counts}:
            cells = [c for c in table.counts if c[axis] == line]
            hidden = [c for c in cells if c in table.hidden]
            total = table.row_total(line) if axis == 0 else table.column_total(line)
            if len(hidden) == 1 and total is not None:
                found.add(hidden[0])
    return found


def test_cells_under_the_threshold_are_hidden():
    table = suppress(
        {
            ("housing", "wanne"): 7,
            ("housing", "eickel"): 2,
            ("work", "wanne"): 9,
            ("work", "eickel"): 12,
        }
    )
    assert table.shown(("housing", "eickel")) is None
    assert table.shown(("work", "eickel")) is None or table.shown(("housing", "wanne")) is None


def test_a_single_hidden_cell_is_never_derivable_from_totals():
    counts = {
        ("a", "x"): 2,
        ("a", "y"): 10,
        ("a", "z"): 11,
        ("b", "x"): 8,
        ("b", "y"): 9,
        ("b", "z"): 30,
    }
    table = suppress(counts)
    assert not derivable_hidden_cells(table)
    assert all(table.shown(c) is None for c, n in counts.items() if 0 < n < 5)


@pytest.mark.parametrize("seed", range(30))
def test_random_tables_leave_nothing_derivable_and_no_small_cell_shown(seed):
    import random

    rng = random.Random(seed)
    rows, columns = ["r1", "r2", "r3", "r4"], ["c1", "c2", "c3"]
    counts = {
        (r, c): rng.choice([0, 1, 2, 3, 4, 5, 6, 9, 15])
        for r, c in itertools.product(rows, columns)
    }
    table = suppress(counts, threshold=5)
    assert all(table.shown(c) is None for c, n in counts.items() if 0 < n < 5)
    assert not derivable_hidden_cells(table)
    for axis in (0, 1):
        for line in {cell[axis] for cell in counts}:
            hidden = [counts[c] for c in counts if c[axis] == line and c in table.hidden]
            total = table.row_total(line) if axis == 0 else table.column_total(line)
            if hidden and total is not None:
                assert len(hidden) >= 2 and sum(hidden) >= 5


def test_threshold_below_three_is_refused():
    with pytest.raises(ValueError, match="at least 3"):
        suppress({("a", "b"): 1}, threshold=2)
