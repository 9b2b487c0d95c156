// name: count_same_client_pair :scalar
// How many SameClientPair nodes the graph holds.
// Generated from graphsvc/domain/graph_model.py by `make cypher`: do not edit.
MATCH (n:SameClientPair)
RETURN count(n) AS n
