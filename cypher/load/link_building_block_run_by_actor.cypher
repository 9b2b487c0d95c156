// name: link_building_block_run_by_actor :write
// Bulk-create (BuildingBlock)-[:RUN_BY]->(Actor) from $rows of [from id, to id].
UNWIND $rows AS row
MATCH (a:BuildingBlock {id: row[0]})
MATCH (b:Actor {id: row[1]})
CREATE (a)-[r:RUN_BY]->(b)
RETURN count(r) AS created
