// name: export_district :many
// The District nodes with the given $ids: labels and every property.
UNWIND $ids AS id
MATCH (n:District {id: id})
RETURN labels(n) AS labels, properties(n) AS props
