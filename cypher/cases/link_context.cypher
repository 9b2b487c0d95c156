// name: link_context :one
// What a new link is checked against, in one read: the case, its waiver for the topic,
// the offer, and the links that already bind a partner for the topic.
MATCH (c:Case {pseudonym: $pseudonym})
OPTIONAL MATCH (c)-[k:CONSENT]->(:Topic {id: $topic})
WITH c, k
OPTIONAL MATCH (o:Offer {id: $offer_id})
WITH c, k, o
OPTIONAL MATCH (c)-[l:LINKED_TO]->(lo:Offer)-[:PROVIDED_BY]->(la:Actor)
WHERE l.topic = $topic AND l.status IN $statuses
RETURN c.actor_id AS actor_id, c.phase AS phase, c.version AS version,
       CASE WHEN k IS NULL THEN NULL ELSE k {.signed_on, .withdrawn_on} END AS consent,
       CASE WHEN o IS NULL THEN NULL ELSE o {.id, .valid_from, .valid_until} END AS offer,
       collect(CASE WHEN l IS NULL THEN NULL ELSE
         {link_id: l.id, status: l.status, offer_name: lo.name, actor_name: la.name,
          since: l.since, until: l.until} END) AS parallel
