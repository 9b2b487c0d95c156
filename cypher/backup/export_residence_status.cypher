// name: export_residence_status :many
// The ResidenceStatus nodes with the given $ids: labels and every property.
UNWIND $ids AS id
MATCH (n:ResidenceStatus {id: id})
RETURN labels(n) AS labels, properties(n) AS props
