// name: link_case_lives_in_district :write
// Create (Case)-[:LIVES_IN]->(District) from $rows of [start id, end id, props].
// Generated from graphsvc/domain/graph_model.py by `make cypher`: do not edit.
UNWIND $rows AS row
MATCH (a:Case {id: row[0]})
MATCH (b:District {id: row[1]})
CREATE (a)-[r:LIVES_IN]->(b)
SET r = row[2]
RETURN count(r) AS created
