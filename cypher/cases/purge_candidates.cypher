// name: purge_candidates :many
// Closed cases of a municipality whose retention period ended before $cutoff.
MATCH (c:Case {municipality_id: $municipality_id, phase: 'closed'})
WHERE c.closed_on < $cutoff
RETURN c.pseudonym AS pseudonym, c.closed_on AS closed_on
ORDER BY pseudonym
