// name: municipality_ids :many
// The ids of all municipalities (for benchmarks and the NRW view), sorted.
MATCH (m:Municipality)
RETURN m.id AS id
ORDER BY id
