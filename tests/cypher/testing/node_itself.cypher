// name: node_itself :many
// Return a whole node instead of a map projection (used to test that backends refuse it).
MATCH (m:Meta)
RETURN m AS node
LIMIT 1
