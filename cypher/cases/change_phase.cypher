// name: change_phase :write
// Move a case to another phase if nobody changed it meanwhile (version check).
MATCH (c:Case {pseudonym: $pseudonym})
WHERE c.version = $version AND c.phase <> 'closed'
SET c.phase = $phase, c.phase_history = coalesce(c.phase_history, []) + [$today + ' ' + $phase],
    c.version = c.version + 1
RETURN c.version AS version
