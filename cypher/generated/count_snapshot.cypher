// name: count_snapshot :scalar
// How many Snapshot nodes the graph holds.
// Generated from graphsvc/domain/graph_model.py by `make cypher`: do not edit.
MATCH (n:Snapshot)
RETURN count(n) AS n
