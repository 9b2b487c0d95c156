// name: create_counter :write
// Bulk-create Counter nodes from $rows, one map of plain properties per node.
UNWIND $rows AS row
CREATE (n:Counter)
SET n = row
RETURN count(n) AS created
