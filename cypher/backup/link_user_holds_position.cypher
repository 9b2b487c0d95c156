// name: link_user_holds_position :write
// Restore (User)-[:HOLDS]->(Position) from $rows [from, to, props].
UNWIND $rows AS row
MATCH (a:User {id: row[0]})
MATCH (b:Position {id: row[1]})
CREATE (a)-[r:HOLDS]->(b)
SET r = row[2]
RETURN count(r) AS created
