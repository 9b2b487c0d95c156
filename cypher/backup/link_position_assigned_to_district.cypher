// name: link_position_assigned_to_district :write
// Restore (Position)-[:ASSIGNED_TO]->(District) from $rows [from, to, props].
UNWIND $rows AS row
MATCH (a:Position {id: row[0]})
MATCH (b:District {id: row[1]})
CREATE (a)-[r:ASSIGNED_TO]->(b)
SET r = row[2]
RETURN count(r) AS created
