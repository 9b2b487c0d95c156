"""Query results come back as plain values; nodes and run-time errors are refused clearly."""

from __future__ import annotations

import pytest

from graphsvc.graph import GraphQueryError


def test_every_plain_type_comes_back_as_its_python_value(graph):
    value = {
        "text": "Ümlaut",
        "whole": 7,
        "negative": -3,
        "fraction": 0.25,
        "yes": True,
        "no": False,
        "nothing": None,
        "list": [1, "a", [2.5, None], {"k": False}],
        "empty_list": [],
        "empty_map": {},
    }
    assert graph.query("testing.echo", value=value) == value


def test_a_query_returning_a_node_is_refused_with_advice(graph):
    with pytest.raises(GraphQueryError, match="map projections"):
        graph.query("testing.node_itself")


def test_a_statement_failing_while_running_raises_a_query_error(graph):
    with pytest.raises(GraphQueryError, match="testing.failing_at_run_time"):
        graph.query("testing.failing_at_run_time", value="abc")
