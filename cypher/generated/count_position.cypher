// name: count_position :scalar
// How many Position nodes the graph holds.
// Generated from graphsvc/domain/graph_model.py by `make cypher`: do not edit.
MATCH (n:Position)
RETURN count(n) AS n
