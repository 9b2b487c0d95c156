// name: link_theme_seen_in_case :write
// Bulk-create (Theme)-[:SEEN_IN]->(Case) from $rows of [from id, to id].
UNWIND $rows AS row
MATCH (a:Theme {id: row[0]})
MATCH (b:Case {id: row[1]})
CREATE (a)-[r:SEEN_IN]->(b)
RETURN count(r) AS created
