// name: parallel_support :many
// Pairs of links of a municipality's cases to offers of two organisations for the same topic,
// both in $statuses, in both orders (pseudonyms and link dates only, no case content).
MATCH (c:Case {municipality_id: $municipality_id})-[l1:LINKED_TO]->(:Offer)-[:PROVIDED_BY]->(a1:Actor)
WHERE l1.status IN $statuses
MATCH (c)-[l2:LINKED_TO]->(:Offer)-[:PROVIDED_BY]->(a2:Actor)
WHERE l2.status IN $statuses AND l2.topic = l1.topic AND a1.id <> a2.id
RETURN c.pseudonym AS pseudonym, c.district_id AS district, l1.topic AS topic,
       a1.id AS actor_a_id, a1.name AS actor_a, l1.id AS link_a, l1.since AS since_a,
       l1.until AS until_a, a2.id AS actor_b_id, a2.name AS actor_b, l2.id AS link_b,
       l2.since AS since_b, l2.until AS until_b
ORDER BY topic, district, pseudonym
