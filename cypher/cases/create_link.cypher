// name: create_link :write
// Link a case to a running offer for a topic; refused unless the waiver for the topic holds
// today (or it is the client's own referral), the offer runs, and the version matches.
MATCH (c:Case {pseudonym: $pseudonym})
WHERE c.version = $version AND c.phase <> 'closed'
MATCH (o:Offer {id: $offer_id})
WHERE (o.valid_until IS NULL OR o.valid_until >= $today)
  AND (o.valid_from IS NULL OR o.valid_from <= $today)
OPTIONAL MATCH (c)-[k:CONSENT]->(:Topic {id: $topic})
WITH c, o, k
WHERE $self_referral OR (k IS NOT NULL AND k.signed_on <= $today
  AND (k.withdrawn_on IS NULL OR k.withdrawn_on > $today))
CREATE (c)-[l:LINKED_TO {id: $link_id, mode: $mode, status: $status, topic: $topic,
                         since: $today, self_referral: $self_referral, reason: $reason,
                         version: 1, history: [$today + ' ' + $status + ' ' + $username]}]->(o)
SET c.version = c.version + 1
RETURN c.version AS version, l.id AS link_id
