// name: link_actor_cooperates_with_actor :write
// Create (Actor)-[:COOPERATES_WITH]->(Actor) from $rows of [start id, end id, props].
// Generated from graphsvc/domain/graph_model.py by `make cypher`: do not edit.
UNWIND $rows AS row
MATCH (a:Actor {id: row[0]})
MATCH (b:Actor {id: row[1]})
CREATE (a)-[r:COOPERATES_WITH]->(b)
SET r = row[2]
RETURN count(r) AS created
