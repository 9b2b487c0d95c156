// name: link_theme_affects_district :write
// Bulk-create (Theme)-[:AFFECTS]->(District) from $rows of [from id, to id].
UNWIND $rows AS row
MATCH (a:Theme {id: row[0]})
MATCH (b:District {id: row[1]})
CREATE (a)-[r:AFFECTS]->(b)
RETURN count(r) AS created
