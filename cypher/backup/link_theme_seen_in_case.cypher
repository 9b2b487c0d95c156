// name: link_theme_seen_in_case :write
// Restore (Theme)-[:SEEN_IN]->(Case) from $rows [from, to, props].
UNWIND $rows AS row
MATCH (a:Theme {id: row[0]})
MATCH (b:Case {id: row[1]})
CREATE (a)-[r:SEEN_IN]->(b)
SET r = row[2]
RETURN count(r) AS created
