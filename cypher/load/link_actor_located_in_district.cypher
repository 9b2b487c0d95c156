// name: link_actor_located_in_district :write
// Bulk-create (Actor)-[:LOCATED_IN]->(District) from $rows of [from id, to id].
UNWIND $rows AS row
MATCH (a:Actor {id: row[0]})
MATCH (b:District {id: row[1]})
CREATE (a)-[r:LOCATED_IN]->(b)
RETURN count(r) AS created
