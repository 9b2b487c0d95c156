// name: link_position_at_actor :write
// Create (Position)-[:AT]->(Actor) from $rows of [start id, end id, props].
// Generated from graphsvc/domain/graph_model.py by `make cypher`: do not edit.
UNWIND $rows AS row
MATCH (a:Position {id: row[0]})
MATCH (b:Actor {id: row[1]})
CREATE (a)-[r:AT]->(b)
SET r = row[2]
RETURN count(r) AS created
