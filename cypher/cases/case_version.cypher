// name: case_version :one
// A case's organisation, phase and version (to tell a stale version from a missing case).
MATCH (c:Case {pseudonym: $pseudonym})
RETURN c.actor_id AS actor_id, c.phase AS phase, c.version AS version
