// name: sample_ids :one
// A few ids of each kind to draw benchmark parameters from.
MATCH (o:Offer)
WITH collect(o.id)[0..200] AS offers
MATCH (d:District)
WITH offers, collect(d.id)[0..200] AS districts
MATCH (t:Topic)
WITH offers, districts, collect(t.id) AS topics
MATCH (c:Case)
WITH offers, districts, topics, collect(c.pseudonym)[0..200] AS cases
RETURN offers, districts, topics, cases
