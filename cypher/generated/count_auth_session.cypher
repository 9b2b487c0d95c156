// name: count_auth_session :scalar
// How many AuthSession nodes the graph holds.
// Generated from graphsvc/domain/graph_model.py by `make cypher`: do not edit.
MATCH (n:AuthSession)
RETURN count(n) AS n
