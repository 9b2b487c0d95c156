// name: create_building_block :write
// Bulk-create BuildingBlock nodes from $rows, one map of plain properties per node.
UNWIND $rows AS row
CREATE (n:BuildingBlock)
SET n = row
RETURN count(n) AS created
