// name: create_district :write
// Bulk-create District nodes from $rows, one map of plain properties per node.
UNWIND $rows AS row
CREATE (n:District)
SET n = row
RETURN count(n) AS created
