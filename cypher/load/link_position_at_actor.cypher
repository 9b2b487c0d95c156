// name: link_position_at_actor :write
// Bulk-create (Position)-[:AT]->(Actor) from $rows of [from id, to id].
UNWIND $rows AS row
MATCH (a:Position {id: row[0]})
MATCH (b:Actor {id: row[1]})
CREATE (a)-[r:AT]->(b)
RETURN count(r) AS created
