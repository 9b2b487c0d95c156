// name: create_notification :write
// Create Notification nodes from $rows, one map of every property per node.
// Generated from graphsvc/domain/graph_model.py by `make cypher`: do not edit.
UNWIND $rows AS row
CREATE (n:Notification)
SET n = row
RETURN count(n) AS created
