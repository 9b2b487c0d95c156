// name: link_user_works_for_actor :write
// Restore (User)-[:WORKS_FOR]->(Actor) from $rows [from, to, props].
UNWIND $rows AS row
MATCH (a:User {id: row[0]})
MATCH (b:Actor {id: row[1]})
CREATE (a)-[r:WORKS_FOR]->(b)
SET r = row[2]
RETURN count(r) AS created
