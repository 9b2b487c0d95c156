"""The schema: indexes exist and do not change answers."""

from __future__ import annotations

from graphsvc.graph.schema import SCHEMA


def test_date_range_comparisons_answer_correctly_with_the_schema_applied(graph):
    graph.query("testing.store_dates", dates=["2025-01-01", "2027-06-30"])
    assert graph.query("testing.offers_ending_before", day="2026-11-24") == ["2025-01-01"]


def test_no_range_index_on_compared_date_properties():
    # FalkorDB answers `n.p < 'x'` wrongly on string properties with a range index.
    assert "valid_until" not in SCHEMA.lookup.get("Offer", ())
    assert "at" not in SCHEMA.lookup.get("AuditEvent", ())


def test_schema_applies_twice_without_error(graph):
    graph.apply_schema()
    assert graph.schema_ready()
