// name: change_link_status :write
// Move a link to a new status if it is in one of $allowed_from and nobody changed it meanwhile: a case manager's change checks the case's version ($version), the receiving organisation's answer the link's own ($link_version) and that the offer is its own ($actor_id); -1 and '' leave a check out. The offer's counts of accepted and decided links follow; with $notify the case's manager gets a notification.
MATCH (c:Case {pseudonym: $pseudonym})-[l:LINKED_TO {id: $link_id}]->(o:Offer)
WHERE ($version < 0 OR c.version = $version)
  AND ($link_version < 0 OR coalesce(l.version, 1) = $link_version)
  AND ($actor_id = '' OR (o)-[:PROVIDED_BY]->(:Actor {id: $actor_id}))
  AND l.status IN $allowed_from
WITH c, l, o,
     (CASE WHEN $status IN $accepted_statuses THEN 1 ELSE 0 END)
       - (CASE WHEN l.status IN $accepted_statuses THEN 1 ELSE 0 END) AS accepted_change,
     (CASE WHEN $status IN $decided_statuses THEN 1 ELSE 0 END)
       - (CASE WHEN l.status IN $decided_statuses THEN 1 ELSE 0 END) AS decided_change
SET l.status = $status,
    l.history = coalesce(l.history, []) + [$today + ' ' + $status + ' ' + $username],
    l.feedback = coalesce($feedback, l.feedback), l.reason = coalesce($reason, l.reason),
    l.decline_reason = CASE WHEN $status IN ['declined', 'no_capacity']
                            THEN $decline_reason ELSE l.decline_reason END,
    l.decline_text = CASE WHEN $status IN ['declined', 'no_capacity']
                          THEN $decline_text ELSE l.decline_text END,
    l.answered_by = CASE WHEN $notify THEN $display_name ELSE l.answered_by END,
    l.answered_on = CASE WHEN $notify THEN $today ELSE l.answered_on END,
    l.until = CASE WHEN $status IN ['completed', 'cancelled', 'declined', 'no_capacity']
                   THEN $today ELSE l.until END,
    l.version = coalesce(l.version, 1) + 1,
    c.version = c.version + 1,
    o.links_accepted = coalesce(o.links_accepted, 0) + accepted_change,
    o.links_decided = coalesce(o.links_decided, 0) + decided_change
WITH c, l, o
OPTIONAL MATCH (c)-[:MANAGED_BY]->(u:User)
WHERE $notify
FOREACH (x IN CASE WHEN u IS NULL THEN [] ELSE [1] END |
  CREATE (n:Notification {id: $notification_id, user_id: u.id, at: $now, kind: 'status',
                          pseudonym: c.pseudonym, link_id: l.id, status: $status,
                          decline_reason: l.decline_reason, offer_name: o.name,
                          actor_name: $actor_name, by: $display_name, feedback: $feedback})
  CREATE (n)-[:NOTIFIES]->(u)
  CREATE (n)-[:CONCERNS]->(c))
RETURN c.version AS version, l.version AS link_version, u.email AS notify_email
