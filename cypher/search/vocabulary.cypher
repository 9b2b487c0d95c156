// name: vocabulary :one
// The choices of the search form: topics, languages, target groups, residence statuses and the municipality's districts with their neighbours.
MATCH (t:Topic)
OPTIONAL MATCH (t)-[:BROADER]->(b:Topic)
WITH collect(t {.id, .name_de, .name_en, broader: b.id}) AS topics
OPTIONAL MATCH (l:Language)
WITH topics, collect(l {.id, .name_de, .name_en}) AS languages
OPTIONAL MATCH (g:TargetGroup)
WITH topics, languages, collect(g {.id, .name_de, .name_en}) AS target_groups
OPTIONAL MATCH (s:ResidenceStatus)
WITH topics, languages, target_groups, collect(s {.id, .name_de, .name_en}) AS residence_statuses
OPTIONAL MATCH (d:District {municipality_id: $municipality_id})
OPTIONAL MATCH (d)-[:NEIGHBOUR_OF]-(n:District)
WITH topics, languages, target_groups, residence_statuses, d, collect(DISTINCT n.id) AS neighbours
RETURN topics, languages, target_groups, residence_statuses,
       collect(d {.id, .name, neighbours: neighbours}) AS districts
