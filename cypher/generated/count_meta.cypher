// name: count_meta :scalar
// How many Meta nodes the graph holds.
// Generated from graphsvc/domain/graph_model.py by `make cypher`: do not edit.
MATCH (n:Meta)
RETURN count(n) AS n
