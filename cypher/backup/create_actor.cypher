// name: create_actor :write
// Restore Actor nodes from $rows, one map of every property per node.
UNWIND $rows AS row
CREATE (n:Actor)
SET n = row
RETURN count(n) AS created
