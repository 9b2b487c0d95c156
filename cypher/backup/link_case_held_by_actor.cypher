// name: link_case_held_by_actor :write
// Restore (Case)-[:HELD_BY]->(Actor) from $rows [from, to, props].
UNWIND $rows AS row
MATCH (a:Case {id: row[0]})
MATCH (b:Actor {id: row[1]})
CREATE (a)-[r:HELD_BY]->(b)
SET r = row[2]
RETURN count(r) AS created
