// name: count_working_group :scalar
// How many WorkingGroup nodes the graph holds.
// Generated from graphsvc/domain/graph_model.py by `make cypher`: do not edit.
MATCH (n:WorkingGroup)
RETURN count(n) AS n
