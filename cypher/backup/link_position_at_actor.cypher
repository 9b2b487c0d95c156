// name: link_position_at_actor :write
// Restore (Position)-[:AT]->(Actor) from $rows [from, to, props].
UNWIND $rows AS row
MATCH (a:Position {id: row[0]})
MATCH (b:Actor {id: row[1]})
CREATE (a)-[r:AT]->(b)
SET r = row[2]
RETURN count(r) AS created
