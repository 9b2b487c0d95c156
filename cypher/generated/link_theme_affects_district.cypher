// name: link_theme_affects_district :write
// Create (Theme)-[:AFFECTS]->(District) from $rows of [start id, end id, props].
// Generated from graphsvc/domain/graph_model.py by `make cypher`: do not edit.
UNWIND $rows AS row
MATCH (a:Theme {id: row[0]})
MATCH (b:District {id: row[1]})
CREATE (a)-[r:AFFECTS]->(b)
SET r = row[2]
RETURN count(r) AS created
