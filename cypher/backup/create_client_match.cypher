// name: create_client_match :write
// Restore ClientMatch nodes from $rows, one map of every property per node.
UNWIND $rows AS row
CREATE (n:ClientMatch)
SET n = row
RETURN count(n) AS created
