// name: rels_notification_concerns_case :many
// The (Notification)-[:CONCERNS]->(Case) relationships of the Notification nodes with the given $ids.
// Generated from graphsvc/domain/graph_model.py by `make cypher`: do not edit.
UNWIND $ids AS id
MATCH (n:Notification {id: id})-[r:CONCERNS]->(m:Case)
RETURN n.id AS source, m.id AS target, properties(r) AS props
