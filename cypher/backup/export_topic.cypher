// name: export_topic :many
// The Topic nodes with the given $ids: labels and every property.
UNWIND $ids AS id
MATCH (n:Topic {id: id})
RETURN labels(n) AS labels, properties(n) AS props
