// name: vocabulary :one
// Names for the report: topics, languages, target groups and the municipality's districts.
MATCH (m:Municipality {id: $municipality_id})
OPTIONAL MATCH (d:District {municipality_id: $municipality_id})
WITH m, collect(d {.id, .name}) AS districts
OPTIONAL MATCH (t:Topic)
WITH m, districts, collect(t {.id, .name_de, .name_en}) AS topics
OPTIONAL MATCH (l:Language)
WITH m, districts, topics, collect(l {.id, .name_de, .name_en}) AS languages
OPTIONAL MATCH (g:TargetGroup)
RETURN m.name AS municipality, districts, topics, languages,
       collect(g {.id, .name_de, .name_en}) AS target_groups
