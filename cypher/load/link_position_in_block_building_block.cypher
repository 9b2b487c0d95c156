// name: link_position_in_block_building_block :write
// Bulk-create (Position)-[:IN_BLOCK]->(BuildingBlock) from $rows of [from id, to id].
UNWIND $rows AS row
MATCH (a:Position {id: row[0]})
MATCH (b:BuildingBlock {id: row[1]})
CREATE (a)-[r:IN_BLOCK]->(b)
RETURN count(r) AS created
