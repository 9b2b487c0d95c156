// name: link_user_holds_position :write
// Bulk-create (User)-[:HOLDS]->(Position) from $rows of [from id, to id].
UNWIND $rows AS row
MATCH (a:User {id: row[0]})
MATCH (b:Position {id: row[1]})
CREATE (a)-[r:HOLDS]->(b)
RETURN count(r) AS created
