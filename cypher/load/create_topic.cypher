// name: create_topic :write
// Bulk-create Topic nodes from $rows, one map of plain properties per node.
UNWIND $rows AS row
CREATE (n:Topic)
SET n = row
RETURN count(n) AS created
