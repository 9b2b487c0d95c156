// name: create_building_block :write
// Restore BuildingBlock nodes from $rows, one map of every property per node.
UNWIND $rows AS row
CREATE (n:BuildingBlock)
SET n = row
RETURN count(n) AS created
