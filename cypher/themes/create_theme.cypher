// name: create_theme :write
// A new open generative theme with its topics, districts and cases (ids checked by the service; cases only of the same municipality).
CREATE (th:Theme {id: $id, municipality_id: $municipality_id, title: $title,
                  description: $description, status: 'open', created_by: $username,
                  created_at: $now, updated_at: $now, version: 1})
WITH th
OPTIONAL MATCH (t:Topic) WHERE t.id IN $topic_ids
WITH th, collect(t) AS topics
FOREACH (t IN topics | CREATE (th)-[:ABOUT]->(t))
WITH th
OPTIONAL MATCH (d:District {municipality_id: $municipality_id}) WHERE d.id IN $district_ids
WITH th, collect(d) AS districts
FOREACH (d IN districts | CREATE (th)-[:AFFECTS]->(d))
WITH th
OPTIONAL MATCH (c:Case {municipality_id: $municipality_id}) WHERE c.pseudonym IN $pseudonyms
WITH th, collect(c) AS cases
FOREACH (c IN cases | CREATE (th)-[:SEEN_IN]->(c))
RETURN th.id AS id
