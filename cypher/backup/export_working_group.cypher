// name: export_working_group :many
// The WorkingGroup nodes with the given $ids: labels and every property.
UNWIND $ids AS id
MATCH (n:WorkingGroup {id: id})
RETURN labels(n) AS labels, properties(n) AS props
