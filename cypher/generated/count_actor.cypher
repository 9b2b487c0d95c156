// name: count_actor :scalar
// How many Actor nodes the graph holds.
// Generated from graphsvc/domain/graph_model.py by `make cypher`: do not edit.
MATCH (n:Actor)
RETURN count(n) AS n
