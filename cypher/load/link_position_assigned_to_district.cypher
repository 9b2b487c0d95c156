// name: link_position_assigned_to_district :write
// Bulk-create (Position)-[:ASSIGNED_TO]->(District) from $rows of [from id, to id].
UNWIND $rows AS row
MATCH (a:Position {id: row[0]})
MATCH (b:District {id: row[1]})
CREATE (a)-[r:ASSIGNED_TO]->(b)
RETURN count(r) AS created
