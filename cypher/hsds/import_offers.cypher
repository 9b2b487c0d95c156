// name: import_offers :write
// Create or update offers by id from $rows (props, actor, taxonomy ids) and replace their links.
UNWIND $rows AS row
MATCH (a:Actor {id: row.actor_id})
MERGE (o:Offer {id: row.id})
SET o += row.props, o.version = coalesce(o.version, 1), o.sample = coalesce(o.sample, false),
    o.genders = coalesce(o.genders, []), o.residence_statuses = coalesce(o.residence_statuses, [])
WITH o, row, a
OPTIONAL MATCH (o)-[old:PROVIDED_BY|COVERS|SERVES|AVAILABLE_IN|FOR]->()
DELETE old
WITH DISTINCT o, row, a
CREATE (o)-[:PROVIDED_BY]->(a)
WITH o, row
OPTIONAL MATCH (t:Topic) WHERE t.id IN row.topics
WITH o, row, collect(t) AS topics
FOREACH (t IN topics | CREATE (o)-[:COVERS]->(t))
WITH o, row
OPTIONAL MATCH (d:District) WHERE d.id IN row.districts
WITH o, row, collect(d) AS districts
FOREACH (d IN districts | CREATE (o)-[:SERVES]->(d))
WITH o, row
OPTIONAL MATCH (l:Language) WHERE l.id IN row.languages
WITH o, row, collect(l) AS languages
FOREACH (l IN languages | CREATE (o)-[:AVAILABLE_IN]->(l))
WITH o, row
OPTIONAL MATCH (g:TargetGroup) WHERE g.id IN row.target_groups
WITH o, collect(g) AS groups
FOREACH (g IN groups | CREATE (o)-[:FOR]->(g))
RETURN count(o) AS written
