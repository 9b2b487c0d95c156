// name: link_position_in_block_building_block :write
// Create (Position)-[:IN_BLOCK]->(BuildingBlock) from $rows of [start id, end id, props].
// Generated from graphsvc/domain/graph_model.py by `make cypher`: do not edit.
UNWIND $rows AS row
MATCH (a:Position {id: row[0]})
MATCH (b:BuildingBlock {id: row[1]})
CREATE (a)-[r:IN_BLOCK]->(b)
SET r = row[2]
RETURN count(r) AS created
