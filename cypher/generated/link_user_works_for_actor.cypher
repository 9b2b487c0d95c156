// name: link_user_works_for_actor :write
// Create (User)-[:WORKS_FOR]->(Actor) from $rows of [start id, end id, props].
// Generated from graphsvc/domain/graph_model.py by `make cypher`: do not edit.
UNWIND $rows AS row
MATCH (a:User {id: row[0]})
MATCH (b:Actor {id: row[1]})
CREATE (a)-[r:WORKS_FOR]->(b)
SET r = row[2]
RETURN count(r) AS created
