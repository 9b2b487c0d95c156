// name: close_case :write
// Close a case with an outcome per need; refused while a link is still open.
MATCH (c:Case {pseudonym: $pseudonym})
WHERE c.version = $version AND c.phase = 'evaluation'
OPTIONAL MATCH (c)-[l:LINKED_TO]->()
WHERE l.status IN $open_statuses
WITH c, count(l) AS still_open
WHERE still_open = 0
SET c.phase = 'closed', c.closed_on = $today, c.version = c.version + 1,
    c.phase_history = coalesce(c.phase_history, []) + [$today + ' closed']
WITH c
UNWIND $outcomes AS outcome
MATCH (c)-[n:HAS_NEED]->(:Topic {id: outcome.topic})
SET n.status = outcome.status, n.outcome = outcome.status
RETURN DISTINCT c.version AS version
