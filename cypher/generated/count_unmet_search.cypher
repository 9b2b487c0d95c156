// name: count_unmet_search :scalar
// How many UnmetSearch nodes the graph holds.
// Generated from graphsvc/domain/graph_model.py by `make cypher`: do not edit.
MATCH (n:UnmetSearch)
RETURN count(n) AS n
