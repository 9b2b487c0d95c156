// name: export_target_group :many
// The TargetGroup nodes with the given $ids: labels and every property.
UNWIND $ids AS id
MATCH (n:TargetGroup {id: id})
RETURN labels(n) AS labels, properties(n) AS props
