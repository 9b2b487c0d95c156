// name: count_counter :scalar
// How many Counter nodes the graph holds.
// Generated from graphsvc/domain/graph_model.py by `make cypher`: do not edit.
MATCH (n:Counter)
RETURN count(n) AS n
