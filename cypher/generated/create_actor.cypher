// name: create_actor :write
// Create Actor nodes from $rows, one map of every property per node.
// Generated from graphsvc/domain/graph_model.py by `make cypher`: do not edit.
UNWIND $rows AS row
CREATE (n:Actor)
SET n = row
RETURN count(n) AS created
