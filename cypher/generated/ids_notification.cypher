// name: ids_notification :scalar
// One page of Notification ids in id order (SKIP $skip, LIMIT $page).
// Generated from graphsvc/domain/graph_model.py by `make cypher`: do not edit.
MATCH (n:Notification)
WITH n.id AS id ORDER BY id SKIP $skip LIMIT $page
RETURN collect(id) AS ids
