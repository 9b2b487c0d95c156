// name: case_links :many
// Links of the municipality's cases with one of $statuses (refusals, binding links): topic, status, dates and offer (pseudonyms only).
MATCH (c:Case {municipality_id: $municipality_id})-[l:LINKED_TO]->(o:Offer)
WHERE l.status IN $statuses
RETURN c.pseudonym AS case, l.topic AS topic, l.status AS status,
       l.since AS since, l.until AS until, o.id AS offer
