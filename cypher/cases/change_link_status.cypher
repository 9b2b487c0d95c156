// name: change_link_status :write
// Move a link to a new status if it is in one of $allowed_from and the version matches; the offer's counts of accepted and decided links follow the change.
MATCH (c:Case {pseudonym: $pseudonym})-[l:LINKED_TO {id: $link_id}]->(o:Offer)
WHERE c.version = $version AND l.status IN $allowed_from
WITH c, l, o,
     (CASE WHEN $status IN $accepted_statuses THEN 1 ELSE 0 END)
       - (CASE WHEN l.status IN $accepted_statuses THEN 1 ELSE 0 END) AS accepted_change,
     (CASE WHEN $status IN $decided_statuses THEN 1 ELSE 0 END)
       - (CASE WHEN l.status IN $decided_statuses THEN 1 ELSE 0 END) AS decided_change
SET l.status = $status, l.history = coalesce(l.history, []) + [$today + ' ' + $status],
    l.feedback = coalesce($feedback, l.feedback), l.reason = coalesce($reason, l.reason),
    l.until = CASE WHEN $status IN ['completed', 'cancelled', 'declined', 'no_capacity']
                   THEN $today ELSE l.until END,
    c.version = c.version + 1,
    o.links_accepted = coalesce(o.links_accepted, 0) + accepted_change,
    o.links_decided = coalesce(o.links_decided, 0) + decided_change
RETURN c.version AS version
