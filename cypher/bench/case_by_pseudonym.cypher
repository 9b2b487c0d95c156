// name: case_by_pseudonym :one
// A case's coarse attributes with its needs and links, found by pseudonym.
MATCH (c:Case {pseudonym: $pseudonym})
OPTIONAL MATCH (c)-[n:HAS_NEED]->(t:Topic)
WITH c, collect({topic: t.id, status: n.status}) AS needs
OPTIONAL MATCH (c)-[l:LINKED_TO]->(o:Offer)
RETURN c {.pseudonym, .phase, .age_band, .district_id} AS case, needs,
       collect({offer: o.id, status: l.status, topic: l.topic}) AS links
