// name: link_theme_seen_in_case :write
// Create (Theme)-[:SEEN_IN]->(Case) from $rows of [start id, end id, props].
// Generated from graphsvc/domain/graph_model.py by `make cypher`: do not edit.
UNWIND $rows AS row
MATCH (a:Theme {id: row[0]})
MATCH (b:Case {id: row[1]})
CREATE (a)-[r:SEEN_IN]->(b)
SET r = row[2]
RETURN count(r) AS created
