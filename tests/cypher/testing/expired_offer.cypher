// name: expired_offer :one
// One offer that has ended, with a topic it covers (test data selection).
MATCH (o:Offer)-[:COVERS]->(t:Topic)
WHERE o.valid_until < $today
RETURN o.id AS id, t.id AS topic
ORDER BY id
LIMIT 1
