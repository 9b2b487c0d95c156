// name: search_context :one
// A municipality with offers, its districts and one of its organisations, to draw search benchmarks from.
MATCH (o:Offer)
WITH o.municipality_id AS municipality_id LIMIT 1
MATCH (d:District {municipality_id: municipality_id})
WITH municipality_id, collect(d.id) AS districts
MATCH (a:Actor {municipality_id: municipality_id})
RETURN municipality_id, districts, collect(a.id)[0] AS actor_id
