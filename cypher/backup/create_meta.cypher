// name: create_meta :write
// Restore Meta nodes from $rows, one map of every property per node.
UNWIND $rows AS row
MERGE (n:Meta {id: row.id})
SET n = row
RETURN count(n) AS created
