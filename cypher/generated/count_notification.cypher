// name: count_notification :scalar
// How many Notification nodes the graph holds.
// Generated from graphsvc/domain/graph_model.py by `make cypher`: do not edit.
MATCH (n:Notification)
RETURN count(n) AS n
