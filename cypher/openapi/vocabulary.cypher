// name: vocabulary :one
// The ids of topics, districts, languages, target groups, residence statuses, actors and working groups, listed in the API document.
OPTIONAL MATCH (t:Topic)
WITH collect(t.id) AS topics
OPTIONAL MATCH (d:District)
WITH topics, collect(d.id) AS districts
OPTIONAL MATCH (l:Language)
WITH topics, districts, collect(l.id) AS languages
OPTIONAL MATCH (g:TargetGroup)
WITH topics, districts, languages, collect(g.id) AS target_groups
OPTIONAL MATCH (r:ResidenceStatus)
WITH topics, districts, languages, target_groups, collect(r.id) AS residence_statuses
OPTIONAL MATCH (a:Actor)
WITH topics, districts, languages, target_groups, residence_statuses, collect(a.id) AS actors
OPTIONAL MATCH (w:WorkingGroup)
RETURN topics, districts, languages, target_groups, residence_statuses, actors,
       collect(w.id) AS working_groups
