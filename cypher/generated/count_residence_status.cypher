// name: count_residence_status :scalar
// How many ResidenceStatus nodes the graph holds.
// Generated from graphsvc/domain/graph_model.py by `make cypher`: do not edit.
MATCH (n:ResidenceStatus)
RETURN count(n) AS n
