// name: parallel_support :many
// Cases of a municipality with links of two organisations binding for the same topic, one
// row per case, topic and pair of organisations (pseudonyms only, no case content).
MATCH (c:Case {municipality_id: $municipality_id})-[l1:LINKED_TO]->(:Offer)-[:PROVIDED_BY]->(a1:Actor)
WHERE l1.status IN $statuses
MATCH (c)-[l2:LINKED_TO]->(:Offer)-[:PROVIDED_BY]->(a2:Actor)
WHERE l2.status IN $statuses AND l2.topic = l1.topic AND a1.id < a2.id
RETURN DISTINCT c.pseudonym AS pseudonym, c.district_id AS district, l1.topic AS topic,
       a1.name AS actor_a, a2.name AS actor_b
ORDER BY topic, district, pseudonym
