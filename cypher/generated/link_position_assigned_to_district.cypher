// name: link_position_assigned_to_district :write
// Create (Position)-[:ASSIGNED_TO]->(District) from $rows of [start id, end id, props].
// Generated from graphsvc/domain/graph_model.py by `make cypher`: do not edit.
UNWIND $rows AS row
MATCH (a:Position {id: row[0]})
MATCH (b:District {id: row[1]})
CREATE (a)-[r:ASSIGNED_TO]->(b)
SET r = row[2]
RETURN count(r) AS created
