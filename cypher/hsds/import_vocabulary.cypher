// name: import_vocabulary :one
// Ids and names of topics, districts, languages, target groups and actors for matching imports.
OPTIONAL MATCH (t:Topic)
WITH collect(t {.id, .name_de, .name_en}) AS topics
OPTIONAL MATCH (d:District)
WITH topics, collect(d {.id, .name}) AS districts
OPTIONAL MATCH (l:Language)
WITH topics, districts, collect(l {.id, .name_de, .name_en}) AS languages
OPTIONAL MATCH (g:TargetGroup)
WITH topics, districts, languages, collect(g {.id, .name_de, .name_en}) AS target_groups
OPTIONAL MATCH (a:Actor)
RETURN topics, districts, languages, target_groups,
       collect(a {.id, .name, .municipality_id}) AS actors
