// name: sample_ids :one
// A few ids of each kind to draw benchmark parameters from.
// Sorted, so every engine draws the same parameters from the same graph.
MATCH (o:Offer)
WITH o.id AS id ORDER BY id LIMIT 200
WITH collect(id) AS offers
MATCH (d:District)
WITH offers, d.id AS id ORDER BY id LIMIT 200
WITH offers, collect(id) AS districts
MATCH (t:Topic)
WITH offers, districts, t.id AS id ORDER BY id
WITH offers, districts, collect(id) AS topics
MATCH (c:Case)
WITH offers, districts, topics, c.pseudonym AS id ORDER BY id LIMIT 200
WITH offers, districts, topics, collect(id) AS cases
RETURN offers, districts, topics, cases
