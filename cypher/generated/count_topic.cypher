// name: count_topic :scalar
// How many Topic nodes the graph holds.
// Generated from graphsvc/domain/graph_model.py by `make cypher`: do not edit.
MATCH (n:Topic)
RETURN count(n) AS n
