// name: refresh_offer_facets :write
// Copy the ids of the languages, districts and target groups of the offers in $offer_ids onto the offers (the search reads them there).
UNWIND $offer_ids AS offer_id
MATCH (o:Offer {id: offer_id})
OPTIONAL MATCH (o)-[:AVAILABLE_IN]->(l:Language)
WITH o, collect(l.id) AS languages
OPTIONAL MATCH (o)-[:SERVES]->(d:District)
WITH o, languages, collect(d.id) AS districts
OPTIONAL MATCH (o)-[:FOR]->(g:TargetGroup)
WITH o, languages, districts, collect(g.id) AS groups
SET o.language_ids = languages, o.district_ids = districts, o.target_group_ids = groups
RETURN count(o) AS refreshed
