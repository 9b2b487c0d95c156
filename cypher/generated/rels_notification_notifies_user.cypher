// name: rels_notification_notifies_user :many
// The (Notification)-[:NOTIFIES]->(User) relationships of the Notification nodes with the given $ids.
// Generated from graphsvc/domain/graph_model.py by `make cypher`: do not edit.
UNWIND $ids AS id
MATCH (n:Notification {id: id})-[r:NOTIFIES]->(m:User)
RETURN n.id AS source, m.id AS target, properties(r) AS props
