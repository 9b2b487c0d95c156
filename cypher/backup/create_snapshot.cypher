// name: create_snapshot :write
// Restore Snapshot nodes from $rows, one map of every property per node.
UNWIND $rows AS row
CREATE (n:Snapshot)
SET n = row
RETURN count(n) AS created
