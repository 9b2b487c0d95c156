// name: create_position :write
// Bulk-create Position nodes from $rows, one map of plain properties per node.
UNWIND $rows AS row
CREATE (n:Position)
SET n = row
RETURN count(n) AS created
