// name: link_actor_member_of_working_group :write
// Create (Actor)-[:MEMBER_OF]->(WorkingGroup) from $rows of [start id, end id, props].
// Generated from graphsvc/domain/graph_model.py by `make cypher`: do not edit.
UNWIND $rows AS row
MATCH (a:Actor {id: row[0]})
MATCH (b:WorkingGroup {id: row[1]})
CREATE (a)-[r:MEMBER_OF]->(b)
SET r = row[2]
RETURN count(r) AS created
