// name: link_actor_located_in_district :write
// Create (Actor)-[:LOCATED_IN]->(District) from $rows of [start id, end id, props].
// Generated from graphsvc/domain/graph_model.py by `make cypher`: do not edit.
UNWIND $rows AS row
MATCH (a:Actor {id: row[0]})
MATCH (b:District {id: row[1]})
CREATE (a)-[r:LOCATED_IN]->(b)
SET r = row[2]
RETURN count(r) AS created
