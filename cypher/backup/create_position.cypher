// name: create_position :write
// Restore Position nodes from $rows, one map of every property per node.
UNWIND $rows AS row
CREATE (n:Position)
SET n = row
RETURN count(n) AS created
