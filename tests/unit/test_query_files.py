"""Loading named queries fails loudly on malformed files."""

from __future__ import annotations

import pytest

from graphsvc.graph.queries import QueryFileError, load

GOOD = "// name: {name} :many\n// A doc line.\nMATCH (n) RETURN n.id AS id\n"


def write(root, relative, text):
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)


def test_query_name_comes_from_its_path_and_dialect_file_replaces_common(tmp_path):
    write(tmp_path, "search/find.cypher", GOOD.format(name="find"))
    write(tmp_path, "neo4j/search/find.cypher", GOOD.format(name="find").replace("n.id", "n.x"))
    falkor = load.__wrapped__("falkordb", tmp_path)
    neo = load.__wrapped__("neo4j", tmp_path)
    assert falkor["search.find"].kind == "many"
    assert "n.id" in falkor["search.find"].text
    assert "n.x" in neo["search.find"].text


@pytest.mark.parametrize(
    "text, message",
    [
        ("MATCH (n) RETURN n\n", "first line must be"),
        ("// name: other :many\n// doc\nRETURN 1\n", "header names 'other'"),
        ("// name: find :maybe\n// doc\nRETURN 1\n", "kind :maybe"),
        ("// name: find :many\nRETURN 1\n", "doc comment"),
    ],
)
def test_malformed_header_names_the_file(tmp_path, text, message):
    write(tmp_path, "search/find.cypher", text)
    with pytest.raises(QueryFileError, match=message) as error:
        load.__wrapped__("falkordb", tmp_path)
    assert "find.cypher" in str(error.value)


def test_dialect_only_query_needs_both_dialects(tmp_path):
    write(tmp_path, "falkordb/search/fulltext.cypher", GOOD.format(name="fulltext"))
    with pytest.raises(QueryFileError, match="no common file and no neo4j variant"):
        load.__wrapped__("falkordb", tmp_path)


def test_parameters_in_strings_and_comments_are_not_counted(tmp_path):
    text = "// name: find :many\n// doc uses $nothing\nMATCH (n {id: $id}) RETURN '$x' AS s\n"
    write(tmp_path, "search/find.cypher", text)
    assert load.__wrapped__("falkordb", tmp_path)["search.find"].params == {"id"}


def test_every_project_query_loads_for_both_engines():
    assert load("falkordb").keys() == load("neo4j").keys()
    assert "meta.count_by_label" in load("falkordb")
