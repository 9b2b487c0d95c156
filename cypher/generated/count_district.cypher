// name: count_district :scalar
// How many District nodes the graph holds.
// Generated from graphsvc/domain/graph_model.py by `make cypher`: do not edit.
MATCH (n:District)
RETURN count(n) AS n
