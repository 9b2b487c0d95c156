// name: create_login_failure :write
// Create LoginFailure nodes from $rows, one map of every property per node.
// Generated from graphsvc/domain/graph_model.py by `make cypher`: do not edit.
UNWIND $rows AS row
CREATE (n:LoginFailure)
SET n = row
RETURN count(n) AS created
