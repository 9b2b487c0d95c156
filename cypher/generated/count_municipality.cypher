// name: count_municipality :scalar
// How many Municipality nodes the graph holds.
// Generated from graphsvc/domain/graph_model.py by `make cypher`: do not edit.
MATCH (n:Municipality)
RETURN count(n) AS n
