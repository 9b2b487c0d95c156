// name: create_language :write
// Bulk-create Language nodes from $rows, one map of plain properties per node.
UNWIND $rows AS row
CREATE (n:Language)
SET n = row
RETURN count(n) AS created
