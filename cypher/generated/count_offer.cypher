// name: count_offer :scalar
// How many Offer nodes the graph holds.
// Generated from graphsvc/domain/graph_model.py by `make cypher`: do not edit.
MATCH (n:Offer)
RETURN count(n) AS n
