// name: create_language :write
// Restore Language nodes from $rows, one map of every property per node.
UNWIND $rows AS row
CREATE (n:Language)
SET n = row
RETURN count(n) AS created
