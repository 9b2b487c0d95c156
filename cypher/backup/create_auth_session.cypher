// name: create_auth_session :write
// Restore AuthSession nodes from $rows, one map of every property per node.
UNWIND $rows AS row
CREATE (n:AuthSession)
SET n = row
RETURN count(n) AS created
