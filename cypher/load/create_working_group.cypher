// name: create_working_group :write
// Bulk-create WorkingGroup nodes from $rows, one map of plain properties per node.
UNWIND $rows AS row
CREATE (n:WorkingGroup)
SET n = row
RETURN count(n) AS created
