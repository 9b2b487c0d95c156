// name: case_needs :many
// Every need of the municipality's cases with the case's coarse attributes (pseudonym, district, languages, age band, gender, residence status, dates); periods are filtered in Python.
MATCH (c:Case {municipality_id: $municipality_id})-[n:HAS_NEED]->(t:Topic)
RETURN c.pseudonym AS case, c.district_id AS district, c.languages AS languages,
       c.age_band AS age_band, c.gender AS gender, c.residence_status AS residence_status,
       c.opened_on AS opened_on, c.closed_on AS closed_on,
       t.id AS topic, n.status AS status, n.since AS since
