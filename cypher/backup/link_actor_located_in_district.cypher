// name: link_actor_located_in_district :write
// Restore (Actor)-[:LOCATED_IN]->(District) from $rows [from, to, props].
UNWIND $rows AS row
MATCH (a:Actor {id: row[0]})
MATCH (b:District {id: row[1]})
CREATE (a)-[r:LOCATED_IN]->(b)
SET r = row[2]
RETURN count(r) AS created
