// name: link_position_in_block_building_block :write
// Restore (Position)-[:IN_BLOCK]->(BuildingBlock) from $rows [from, to, props].
UNWIND $rows AS row
MATCH (a:Position {id: row[0]})
MATCH (b:BuildingBlock {id: row[1]})
CREATE (a)-[r:IN_BLOCK]->(b)
SET r = row[2]
RETURN count(r) AS created
