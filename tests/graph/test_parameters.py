"""Values reach Cypher only as parameters, byte-identical, on every backend."""

from __future__ import annotations

import math

import pytest

from graphsvc.graph import ParameterRejected

AWKWARD = [
    "O'Brien",
    'say "hi"',
    "back\\slash\\",
    "`backtick`",
    "line one\nline two",
    "tab\there",
    "$param {brace} }",
    "// not a comment",
    "/* nor this */",
    "') DETACH DELETE n //",
    '" RETURN 1 UNION MATCH (n) DETACH DELETE n //',
    "x' CREATE (:Pwned) //",
    "<script>alert(1)</script>",
    "Ümlaut ß 🙂 €",
    "",
]


@pytest.mark.parametrize("text", AWKWARD)
def test_awkward_text_round_trips_unchanged_and_changes_nothing_else(graph, text):
    before = graph.query("meta.count_by_label")
    graph.query("testing.store_text", key="k1", text=text)
    assert graph.query("testing.read_text", key="k1") == text
    nodes = graph.query("testing.count_all_nodes")
    assert nodes == 2  # the Meta node of the schema and the one stored value, nothing more
    assert graph.query("meta.count_by_label") == before


def test_lists_and_maps_round_trip(graph):
    value = {"a": [1, 2.5, None, True, "x'y"], "b": {"nested": ["\\", "`"]}}
    assert graph.query("testing.echo", value=value) == value


class SneakyInt(int):
    def __str__(self) -> str:
        return "1 CREATE (:Pwned)"


class SneakyStr(str):
    pass


@pytest.mark.parametrize(
    "value, why",
    [
        ("nul\x00byte", "control character"),
        ("bell\x07", "control character"),
        (math.nan, "finite"),
        (math.inf, "finite"),
        (SneakyInt(1), "not a plain value"),
        (SneakyStr("x"), "not a plain value"),
        (b"bytes", "not a plain value"),
        ({1, 2}, "not a plain value"),
        (object(), "not a plain value"),
        ({"bad`key": 1}, "map key"),
        ({"": 1}, "map key"),
        ([1, [math.nan]], "finite"),
    ],
)
def test_unsafe_values_are_rejected_before_reaching_the_engine(graph, value, why):
    with pytest.raises(ParameterRejected, match=why):
        graph.query("testing.echo", value=value)
    assert graph.query("testing.count_all_nodes") == 1  # only the schema's Meta node


def test_named_query_refuses_missing_or_extra_parameters(graph):
    with pytest.raises(Exception, match="missing parameters"):
        graph.query("testing.echo")
    with pytest.raises(Exception, match="unexpected"):
        graph.query("testing.echo", value=1, other=2)
