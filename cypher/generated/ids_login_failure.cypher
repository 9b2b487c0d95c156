// name: ids_login_failure :scalar
// One page of LoginFailure ids in id order (SKIP $skip, LIMIT $page).
// Generated from graphsvc/domain/graph_model.py by `make cypher`: do not edit.
MATCH (n:LoginFailure)
WITH n.id AS id ORDER BY id SKIP $skip LIMIT $page
RETURN collect(id) AS ids
