// name: create_topic :write
// Restore Topic nodes from $rows, one map of every property per node.
UNWIND $rows AS row
CREATE (n:Topic)
SET n = row
RETURN count(n) AS created
