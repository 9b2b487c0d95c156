// name: export_user :many
// The User nodes with the given $ids: labels and every property.
UNWIND $ids AS id
MATCH (n:User {id: id})
RETURN labels(n) AS labels, properties(n) AS props
