// name: count_language :scalar
// How many Language nodes the graph holds.
// Generated from graphsvc/domain/graph_model.py by `make cypher`: do not edit.
MATCH (n:Language)
RETURN count(n) AS n
