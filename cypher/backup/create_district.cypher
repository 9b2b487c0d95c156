// name: create_district :write
// Restore District nodes from $rows, one map of every property per node.
UNWIND $rows AS row
CREATE (n:District)
SET n = row
RETURN count(n) AS created
