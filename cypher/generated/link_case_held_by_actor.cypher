// name: link_case_held_by_actor :write
// Create (Case)-[:HELD_BY]->(Actor) from $rows of [start id, end id, props].
// Generated from graphsvc/domain/graph_model.py by `make cypher`: do not edit.
UNWIND $rows AS row
MATCH (a:Case {id: row[0]})
MATCH (b:Actor {id: row[1]})
CREATE (a)-[r:HELD_BY]->(b)
SET r = row[2]
RETURN count(r) AS created
