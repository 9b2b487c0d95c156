// name: create_municipality :write
// Bulk-create Municipality nodes from $rows, one map of plain properties per node.
UNWIND $rows AS row
CREATE (n:Municipality)
SET n = row
RETURN count(n) AS created
