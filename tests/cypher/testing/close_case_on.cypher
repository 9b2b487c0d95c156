// name: close_case_on :write
// Close a case on a given day, so retention can be tested (tests only).
MATCH (c:Case {pseudonym: $pseudonym})
SET c.phase = 'closed', c.closed_on = $closed_on
RETURN c.pseudonym AS pseudonym
