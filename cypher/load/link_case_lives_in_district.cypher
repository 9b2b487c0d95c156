// name: link_case_lives_in_district :write
// Bulk-create (Case)-[:LIVES_IN]->(District) from $rows of [from id, to id].
UNWIND $rows AS row
MATCH (a:Case {id: row[0]})
MATCH (b:District {id: row[1]})
CREATE (a)-[r:LIVES_IN]->(b)
RETURN count(r) AS created
