// name: export_api_token :many
// The ApiToken nodes with the given $ids: labels and every property.
UNWIND $ids AS id
MATCH (n:ApiToken {id: id})
RETURN labels(n) AS labels, properties(n) AS props
