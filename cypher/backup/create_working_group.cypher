// name: create_working_group :write
// Restore WorkingGroup nodes from $rows, one map of every property per node.
UNWIND $rows AS row
CREATE (n:WorkingGroup)
SET n = row
RETURN count(n) AS created
