// name: case_links :many
// Every link of the municipality's cases: topic, status, dates and the offer (pseudonyms only).
MATCH (c:Case {municipality_id: $municipality_id})-[l:LINKED_TO]->(o:Offer)
RETURN c.pseudonym AS case, c.district_id AS district, l.topic AS topic, l.status AS status,
       l.since AS since, l.until AS until, o.id AS offer
