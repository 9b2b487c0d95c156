// name: link_working_group_organised_by_actor :write
// Create (WorkingGroup)-[:ORGANISED_BY]->(Actor) from $rows of [start id, end id, props].
// Generated from graphsvc/domain/graph_model.py by `make cypher`: do not edit.
UNWIND $rows AS row
MATCH (a:WorkingGroup {id: row[0]})
MATCH (b:Actor {id: row[1]})
CREATE (a)-[r:ORGANISED_BY]->(b)
SET r = row[2]
RETURN count(r) AS created
