// name: export_client_match :many
// The ClientMatch nodes with the given $ids: labels and every property.
UNWIND $ids AS id
MATCH (n:ClientMatch {id: id})
RETURN labels(n) AS labels, properties(n) AS props
