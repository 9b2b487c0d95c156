// name: create_user :write
// Restore User nodes from $rows, one map of every property per node.
UNWIND $rows AS row
CREATE (n:User)
SET n = row
RETURN count(n) AS created
