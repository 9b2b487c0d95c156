// name: create_theme :write
// Bulk-create Theme nodes from $rows, one map of plain properties per node.
UNWIND $rows AS row
CREATE (n:Theme)
SET n = row
RETURN count(n) AS created
