// name: link_case_lives_in_district :write
// Restore (Case)-[:LIVES_IN]->(District) from $rows [from, to, props].
UNWIND $rows AS row
MATCH (a:Case {id: row[0]})
MATCH (b:District {id: row[1]})
CREATE (a)-[r:LIVES_IN]->(b)
SET r = row[2]
RETURN count(r) AS created
