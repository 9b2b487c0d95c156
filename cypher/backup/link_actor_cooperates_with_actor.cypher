// name: link_actor_cooperates_with_actor :write
// Restore (Actor)-[:COOPERATES_WITH]->(Actor) from $rows [from, to, props].
UNWIND $rows AS row
MATCH (a:Actor {id: row[0]})
MATCH (b:Actor {id: row[1]})
CREATE (a)-[r:COOPERATES_WITH]->(b)
SET r = row[2]
RETURN count(r) AS created
