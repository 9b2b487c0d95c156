// name: case_sample :many
// Open cases of one organisation with a consented need (benchmark parameters), sorted so
// every engine draws the same.
MATCH (a:Actor {id: $actor_id})<-[:HELD_BY]-(c:Case)-[k:CONSENT]->(t:Topic)
WHERE c.phase <> 'closed' AND k.withdrawn_on IS NULL AND k.signed_on <= $today
MATCH (o:Offer {municipality_id: c.municipality_id})-[:COVERS]->(t)
WHERE o.valid_until IS NULL
WITH c, t, o ORDER BY c.pseudonym, t.id, o.id
RETURN c.pseudonym AS pseudonym, c.version AS version, t.id AS topic, collect(o.id)[0..5] AS offers
ORDER BY pseudonym, topic
LIMIT 300
