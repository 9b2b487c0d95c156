// name: create_target_group :write
// Bulk-create TargetGroup nodes from $rows, one map of plain properties per node.
UNWIND $rows AS row
CREATE (n:TargetGroup)
SET n = row
RETURN count(n) AS created
