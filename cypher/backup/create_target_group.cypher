// name: create_target_group :write
// Restore TargetGroup nodes from $rows, one map of every property per node.
UNWIND $rows AS row
CREATE (n:TargetGroup)
SET n = row
RETURN count(n) AS created
