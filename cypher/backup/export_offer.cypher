// name: export_offer :many
// The Offer nodes with the given $ids: labels and every property.
UNWIND $ids AS id
MATCH (n:Offer {id: id})
RETURN labels(n) AS labels, properties(n) AS props
