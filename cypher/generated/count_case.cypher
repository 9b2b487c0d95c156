// name: count_case :scalar
// How many Case nodes the graph holds.
// Generated from graphsvc/domain/graph_model.py by `make cypher`: do not edit.
MATCH (n:Case)
RETURN count(n) AS n
