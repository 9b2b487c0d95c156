// name: import_identities :one
// Whether $municipality_id exists, and the id, HSDS id and municipality of every actor and offer, to match an import against the directory.
OPTIONAL MATCH (m:Municipality {id: $municipality_id})
WITH count(m) > 0 AS known
OPTIONAL MATCH (a:Actor)
WITH known, collect(a {.id, .hsds_id, .municipality_id}) AS actors
OPTIONAL MATCH (o:Offer)
RETURN known, actors, collect(o {.id, .hsds_id}) AS offers
