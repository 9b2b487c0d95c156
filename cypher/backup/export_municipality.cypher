// name: export_municipality :many
// The Municipality nodes with the given $ids: labels and every property.
UNWIND $ids AS id
MATCH (n:Municipality {id: id})
RETURN labels(n) AS labels, properties(n) AS props
