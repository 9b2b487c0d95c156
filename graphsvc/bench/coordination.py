"""Coordination benchmarks: parallel support and duplicate structures of one municipality,
JSON-encoded like the answer."""

from __future__ import annotations

from ..domain import clock
from ..services import structures
from ..services.coordination import parallel_support, to_dict
from .factories import each_municipality

BENCHMARKS = {
    "coordination.parallel_support": each_municipality(
        lambda g, m: to_dict(parallel_support(g, m))
    ),
    "coordination.duplicate_structures": each_municipality(
        lambda g, m: structures.to_dict(structures.duplicate_structures(g, m, clock.today_iso()))
    ),
}
