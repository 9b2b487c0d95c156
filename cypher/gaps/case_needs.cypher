// name: case_needs :many
// Per case of the municipality, its coarse attributes and the needs the report can use as [topic, status, since]: open or unmet needs of cases that ran in the period (demand), and needs recorded in the period (trend).
MATCH (c:Case {municipality_id: $municipality_id})-[n:HAS_NEED]->(t:Topic)
WHERE (n.status IN $demand_statuses AND c.opened_on <= $date_to
       AND (c.closed_on IS NULL OR c.closed_on >= $date_from))
   OR (n.since >= $date_from AND n.since <= $date_to)
WITH c, collect([t.id, n.status, n.since]) AS needs
RETURN c.pseudonym AS case, c.district_id AS district, c.languages AS languages,
       c.age_band AS age_band, c.gender AS gender, c.residence_status AS residence_status,
       c.opened_on AS opened_on, c.closed_on AS closed_on, needs
