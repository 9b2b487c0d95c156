// name: create_residence_status :write
// Restore ResidenceStatus nodes from $rows, one map of every property per node.
UNWIND $rows AS row
CREATE (n:ResidenceStatus)
SET n = row
RETURN count(n) AS created
