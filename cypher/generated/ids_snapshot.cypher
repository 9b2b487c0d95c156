// name: ids_snapshot :scalar
// One page of Snapshot ids in id order (SKIP $skip, LIMIT $page).
// Generated from graphsvc/domain/graph_model.py by `make cypher`: do not edit.
MATCH (n:Snapshot)
WITH n.id AS id ORDER BY id SKIP $skip LIMIT $page
RETURN collect(id) AS ids
