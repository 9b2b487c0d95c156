// name: services_page :many
// One page of offers (ordered by id) with their organisation and taxonomy links, for HSDS.
MATCH (o:Offer)
WITH o ORDER BY o.id SKIP $skip LIMIT $limit
MATCH (o)-[:PROVIDED_BY]->(a:Actor)
OPTIONAL MATCH (o)-[:COVERS]->(t:Topic)
WITH o, a, collect(DISTINCT t {.id, .name_de, .name_en}) AS topics
OPTIONAL MATCH (o)-[:SERVES]->(d:District)
WITH o, a, topics, collect(DISTINCT d {.id, .name}) AS districts
OPTIONAL MATCH (o)-[:AVAILABLE_IN]->(l:Language)
WITH o, a, topics, districts, collect(DISTINCT l {.id, .name_de, .name_en}) AS languages
OPTIONAL MATCH (o)-[:FOR]->(g:TargetGroup)
RETURN o {.*} AS offer, a {.id, .name, .hsds_id} AS actor, topics, districts, languages,
       collect(DISTINCT g {.id, .name_de, .name_en}) AS target_groups
ORDER BY offer.id
