// name: offer_facets_against_relationships :many
// Each offer's copied language, district and target-group ids beside those of its relationships (tests of the copies).
MATCH (o:Offer)
OPTIONAL MATCH (o)-[:AVAILABLE_IN]->(l:Language)
WITH o, collect(l.id) AS languages
OPTIONAL MATCH (o)-[:SERVES]->(d:District)
WITH o, languages, collect(d.id) AS districts
OPTIONAL MATCH (o)-[:FOR]->(g:TargetGroup)
WITH o, languages, districts, collect(g.id) AS groups
RETURN o.id AS id, [o.language_ids, o.district_ids, o.target_group_ids] AS stored,
       [languages, districts, groups] AS related
