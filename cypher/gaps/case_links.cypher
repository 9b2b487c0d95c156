// name: case_links :many
// Links of the municipality's cases with one of $statuses (refusals, binding links): topic, district, status, the partner's decline reason, dates and offer (pseudonyms only).
MATCH (c:Case {municipality_id: $municipality_id})-[l:LINKED_TO]->(o:Offer)
WHERE l.status IN $statuses
RETURN c.pseudonym AS case, c.district_id AS district, l.topic AS topic, l.status AS status,
       l.decline_reason AS decline_reason, l.since AS since, l.until AS until, o.id AS offer
