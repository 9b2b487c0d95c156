// name: list_actors :many
// Organisations of a municipality with the number of their offers, by name.
MATCH (a:Actor {municipality_id: $municipality_id})
OPTIONAL MATCH (a)<-[:PROVIDED_BY]-(o:Offer)
RETURN a {.id, .name, .kind, .district_id, .retired_on} AS actor, count(o) AS offers
ORDER BY actor.name, actor.id
LIMIT 1000
