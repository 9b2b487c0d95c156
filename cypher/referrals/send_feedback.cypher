// name: send_feedback :write
// The receiving organisation's feedback on an open referral to its offer, if nobody changed the referral meanwhile (link version); the case's manager gets a notification.
MATCH (:Actor {id: $actor_id})<-[:PROVIDED_BY]-(o:Offer)<-[l:LINKED_TO {id: $link_id}]-(c:Case)
WHERE coalesce(l.version, 1) = $link_version AND l.status IN $open_statuses
SET l.feedback = $feedback, l.answered_by = $display_name, l.answered_on = $today,
    l.version = coalesce(l.version, 1) + 1, c.version = c.version + 1
WITH c, l, o
OPTIONAL MATCH (c)-[:MANAGED_BY]->(u:User)
FOREACH (x IN CASE WHEN u IS NULL THEN [] ELSE [1] END |
  CREATE (n:Notification {id: $notification_id, user_id: u.id, at: $now, kind: 'feedback',
                          pseudonym: c.pseudonym, link_id: l.id, status: l.status,
                          offer_name: o.name, actor_name: $actor_name, by: $display_name,
                          feedback: $feedback})
  CREATE (n)-[:NOTIFIES]->(u)
  CREATE (n)-[:CONCERNS]->(c))
RETURN c.version AS version, l.version AS link_version, u.email AS notify_email
