// name: link_theme_affects_district :write
// Restore (Theme)-[:AFFECTS]->(District) from $rows [from, to, props].
UNWIND $rows AS row
MATCH (a:Theme {id: row[0]})
MATCH (b:District {id: row[1]})
CREATE (a)-[r:AFFECTS]->(b)
SET r = row[2]
RETURN count(r) AS created
