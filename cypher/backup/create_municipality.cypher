// name: create_municipality :write
// Restore Municipality nodes from $rows, one map of every property per node.
UNWIND $rows AS row
CREATE (n:Municipality)
SET n = row
RETURN count(n) AS created
