// name: change_link_status :write
// Move a link to a new status if it is in one of $allowed_from and the version matches.
MATCH (c:Case {pseudonym: $pseudonym})-[l:LINKED_TO {id: $link_id}]->(:Offer)
WHERE c.version = $version AND l.status IN $allowed_from
SET l.status = $status, l.history = coalesce(l.history, []) + [$today + ' ' + $status],
    l.feedback = coalesce($feedback, l.feedback), l.reason = coalesce($reason, l.reason),
    l.until = CASE WHEN $status IN ['completed', 'cancelled', 'declined', 'no_capacity']
                   THEN $today ELSE l.until END,
    c.version = c.version + 1
RETURN c.version AS version
