// name: linked_offers :many
// The offers a case is linked to, each with the status of its link (open links first).
MATCH (c:Case {pseudonym: $pseudonym})-[l:LINKED_TO]->(o:Offer)
RETURN o.id AS offer_id, l.status AS status
ORDER BY CASE WHEN l.status IN $open_statuses THEN 0 ELSE 1 END, l.since DESC
