// name: ids_unmet_search :scalar
// One page of UnmetSearch ids in id order (SKIP $skip, LIMIT $page).
// Generated from graphsvc/domain/graph_model.py by `make cypher`: do not edit.
MATCH (n:UnmetSearch)
WITH n.id AS id ORDER BY id SKIP $skip LIMIT $page
RETURN collect(id) AS ids
