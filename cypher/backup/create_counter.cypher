// name: create_counter :write
// Restore Counter nodes from $rows, one map of every property per node.
UNWIND $rows AS row
CREATE (n:Counter)
SET n = row
RETURN count(n) AS created
