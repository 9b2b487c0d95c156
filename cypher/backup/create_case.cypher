// name: create_case :write
// Restore Case nodes from $rows, one map of every property per node.
UNWIND $rows AS row
CREATE (n:Case)
SET n = row
RETURN count(n) AS created
