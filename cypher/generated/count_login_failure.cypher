// name: count_login_failure :scalar
// How many LoginFailure nodes the graph holds.
// Generated from graphsvc/domain/graph_model.py by `make cypher`: do not edit.
MATCH (n:LoginFailure)
RETURN count(n) AS n
