// name: count_theme :scalar
// How many Theme nodes the graph holds.
// Generated from graphsvc/domain/graph_model.py by `make cypher`: do not edit.
MATCH (n:Theme)
RETURN count(n) AS n
