// name: create_user :write
// Bulk-create User nodes from $rows, one map of plain properties per node.
UNWIND $rows AS row
CREATE (n:User)
SET n = row
RETURN count(n) AS created
