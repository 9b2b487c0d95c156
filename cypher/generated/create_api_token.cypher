// name: create_api_token :write
// Create ApiToken nodes from $rows, one map of every property per node.
// Generated from graphsvc/domain/graph_model.py by `make cypher`: do not edit.
UNWIND $rows AS row
CREATE (n:ApiToken)
SET n = row
RETURN count(n) AS created
