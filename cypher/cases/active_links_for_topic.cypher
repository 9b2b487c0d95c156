// name: active_links_for_topic :many
// The case's links that already bind a partner for this topic (parallel-support check).
MATCH (c:Case {pseudonym: $pseudonym})-[l:LINKED_TO]->(o:Offer)-[:PROVIDED_BY]->(a:Actor)
WHERE l.topic = $topic AND l.status IN $statuses AND l.id <> $except_link
RETURN l.id AS link_id, l.status AS status, o.name AS offer_name, a.name AS actor_name,
       l.since AS since, l.until AS until
