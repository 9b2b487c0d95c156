// name: link_notification_concerns_case :write
// Create (Notification)-[:CONCERNS]->(Case) from $rows of [start id, end id, props].
// Generated from graphsvc/domain/graph_model.py by `make cypher`: do not edit.
UNWIND $rows AS row
MATCH (a:Notification {id: row[0]})
MATCH (b:Case {id: row[1]})
CREATE (a)-[r:CONCERNS]->(b)
SET r = row[2]
RETURN count(r) AS created
