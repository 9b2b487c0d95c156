// name: export_auth_session :many
// The AuthSession nodes with the given $ids: labels and every property.
UNWIND $ids AS id
MATCH (n:AuthSession {id: id})
RETURN labels(n) AS labels, properties(n) AS props
