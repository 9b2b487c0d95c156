// name: create_case :write
// Bulk-create Case nodes from $rows, one map of plain properties per node.
UNWIND $rows AS row
CREATE (n:Case)
SET n = row
RETURN count(n) AS created
