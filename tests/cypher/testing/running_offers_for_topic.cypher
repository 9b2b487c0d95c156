// name: running_offers_for_topic :many
// Offers running today that cover a topic, by id (test data selection).
MATCH (o:Offer)-[:COVERS]->(:Topic {id: $topic})
WHERE o.valid_until IS NULL OR o.valid_until >= $today
RETURN o.id AS id
ORDER BY id
