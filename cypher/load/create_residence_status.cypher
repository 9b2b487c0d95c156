// name: create_residence_status :write
// Bulk-create ResidenceStatus nodes from $rows, one map of plain properties per node.
UNWIND $rows AS row
CREATE (n:ResidenceStatus)
SET n = row
RETURN count(n) AS created
