// name: link_user_holds_position :write
// Create (User)-[:HOLDS]->(Position) from $rows of [start id, end id, props].
// Generated from graphsvc/domain/graph_model.py by `make cypher`: do not edit.
UNWIND $rows AS row
MATCH (a:User {id: row[0]})
MATCH (b:Position {id: row[1]})
CREATE (a)-[r:HOLDS]->(b)
SET r = row[2]
RETURN count(r) AS created
