// name: offer_for_link :one
// An offer with its validity, topics and municipality, to check a new link against.
MATCH (o:Offer {id: $offer_id})-[:PROVIDED_BY]->(a:Actor)
OPTIONAL MATCH (o)-[:COVERS]->(t:Topic)
RETURN o {.id, .name, .valid_from, .valid_until, .municipality_id} AS offer,
       a.name AS actor_name, collect(t.id) AS topics
