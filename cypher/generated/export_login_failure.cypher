// name: export_login_failure :many
// The LoginFailure nodes with the given $ids: labels and every property.
// Generated from graphsvc/domain/graph_model.py by `make cypher`: do not edit.
UNWIND $ids AS id
MATCH (n:LoginFailure {id: id})
RETURN labels(n) AS labels, properties(n) AS props
