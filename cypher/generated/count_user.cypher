// name: count_user :scalar
// How many User nodes the graph holds.
// Generated from graphsvc/domain/graph_model.py by `make cypher`: do not edit.
MATCH (n:User)
RETURN count(n) AS n
