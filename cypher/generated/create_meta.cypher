// name: create_meta :write
// Create Meta nodes from $rows, one map of every property per node.
// Generated from graphsvc/domain/graph_model.py by `make cypher`: do not edit.
UNWIND $rows AS row
MERGE (n:Meta {id: row.id})
SET n = row
RETURN count(n) AS created
