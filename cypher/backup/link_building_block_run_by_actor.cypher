// name: link_building_block_run_by_actor :write
// Restore (BuildingBlock)-[:RUN_BY]->(Actor) from $rows [from, to, props].
UNWIND $rows AS row
MATCH (a:BuildingBlock {id: row[0]})
MATCH (b:Actor {id: row[1]})
CREATE (a)-[r:RUN_BY]->(b)
SET r = row[2]
RETURN count(r) AS created
