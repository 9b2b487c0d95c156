// name: create_directory_change :write
// Restore DirectoryChange nodes from $rows, one map of every property per node.
UNWIND $rows AS row
CREATE (n:DirectoryChange)
SET n = row
RETURN count(n) AS created
