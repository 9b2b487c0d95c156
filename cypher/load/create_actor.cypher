// name: create_actor :write
// Bulk-create Actor nodes from $rows, one map of plain properties per node.
UNWIND $rows AS row
CREATE (n:Actor)
SET n = row
RETURN count(n) AS created
