// name: search_context :one
// A municipality with offers, its districts and one of its organisations, to draw search benchmarks from.
// Sorted, so every engine draws the same parameters from the same graph.
MATCH (o:Offer)
WITH o.municipality_id AS municipality_id ORDER BY municipality_id LIMIT 1
MATCH (d:District {municipality_id: municipality_id})
WITH municipality_id, d.id AS district ORDER BY district
WITH municipality_id, collect(district) AS districts
MATCH (a:Actor {municipality_id: municipality_id})
WITH municipality_id, districts, a.id AS actor_id ORDER BY actor_id LIMIT 1
RETURN municipality_id, districts, actor_id
