// name: count_api_token :scalar
// How many ApiToken nodes the graph holds.
// Generated from graphsvc/domain/graph_model.py by `make cypher`: do not edit.
MATCH (n:ApiToken)
RETURN count(n) AS n
