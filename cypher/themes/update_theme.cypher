// name: update_theme :write
// Replace an open theme's text, topics, districts and cases when the version still matches; no row when it does not.
MATCH (th:Theme {id: $id, municipality_id: $municipality_id})
WHERE th.version = $version AND th.status = 'open'
OPTIONAL MATCH (th)-[r:ABOUT|AFFECTS|SEEN_IN]->()
DELETE r
WITH DISTINCT th
SET th.title = $title, th.description = $description, th.updated_at = $now,
    th.updated_by = $username, th.version = th.version + 1
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
RETURN th.version AS version
