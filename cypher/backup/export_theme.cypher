// name: export_theme :many
// The Theme nodes with the given $ids: labels and every property.
UNWIND $ids AS id
MATCH (n:Theme {id: id})
RETURN labels(n) AS labels, properties(n) AS props
