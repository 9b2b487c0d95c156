// name: ids_language :scalar
// One page of Language ids in id order (SKIP $skip, LIMIT $page).
// Generated from graphsvc/domain/graph_model.py by `make cypher`: do not edit.
MATCH (n:Language)
WITH n.id AS id ORDER BY id SKIP $skip LIMIT $page
RETURN collect(id) AS ids
