// name: count_target_group :scalar
// How many TargetGroup nodes the graph holds.
// Generated from graphsvc/domain/graph_model.py by `make cypher`: do not edit.
MATCH (n:TargetGroup)
RETURN count(n) AS n
