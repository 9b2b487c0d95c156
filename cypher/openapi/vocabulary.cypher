// name: vocabulary :one
// The ids of topics, languages, target groups and residence statuses, and the districts,
// actors and working groups of the reader's municipality, listed in the API document (its
// size stays that of one municipality however many the graph holds).
OPTIONAL MATCH (t:Topic)
WITH collect(t.id) AS topics
OPTIONAL MATCH (d:District {municipality_id: $municipality_id})
WITH topics, collect(d.id) AS districts
OPTIONAL MATCH (l:Language)
WITH topics, districts, collect(l.id) AS languages
OPTIONAL MATCH (g:TargetGroup)
WITH topics, districts, languages, collect(g.id) AS target_groups
OPTIONAL MATCH (r:ResidenceStatus)
WITH topics, districts, languages, target_groups, collect(r.id) AS residence_statuses
OPTIONAL MATCH (a:Actor {municipality_id: $municipality_id})
WITH topics, districts, languages, target_groups, residence_statuses, collect(a.id) AS actors
OPTIONAL MATCH (w:WorkingGroup {municipality_id: $municipality_id})
RETURN topics, districts, languages, target_groups, residence_statuses, actors,
       collect(w.id) AS working_groups
