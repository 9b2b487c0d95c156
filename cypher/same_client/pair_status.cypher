// name: pair_status :one
// One pair's status within the municipality (null when there is no such pair there).
MATCH (m:SameClientPair {id: $pair_id})
WHERE m.municipality_id = $municipality_id
RETURN m.status AS status
