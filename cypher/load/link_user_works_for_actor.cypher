// name: link_user_works_for_actor :write
// Bulk-create (User)-[:WORKS_FOR]->(Actor) from $rows of [from id, to id].
UNWIND $rows AS row
MATCH (a:User {id: row[0]})
MATCH (b:Actor {id: row[1]})
CREATE (a)-[r:WORKS_FOR]->(b)
RETURN count(r) AS created
