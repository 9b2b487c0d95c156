// name: create_theme :write
// Restore Theme nodes from $rows, one map of every property per node.
UNWIND $rows AS row
CREATE (n:Theme)
SET n = row
RETURN count(n) AS created
