// name: link_notification_notifies_user :write
// Create (Notification)-[:NOTIFIES]->(User) from $rows of [start id, end id, props].
// Generated from graphsvc/domain/graph_model.py by `make cypher`: do not edit.
UNWIND $rows AS row
MATCH (a:Notification {id: row[0]})
MATCH (b:User {id: row[1]})
CREATE (a)-[r:NOTIFIES]->(b)
SET r = row[2]
RETURN count(r) AS created
