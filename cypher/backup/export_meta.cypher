// name: export_meta :many
// The Meta nodes with the given $ids: labels and every property.
UNWIND $ids AS id
MATCH (n:Meta {id: id})
RETURN labels(n) AS labels, properties(n) AS props
