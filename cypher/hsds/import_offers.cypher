// name: import_offers :write
// Create or update organisations ($actors: id, district_id, props) and offers ($rows: props, actor, taxonomy ids, changes) by id in ONE statement (all or nothing); their links are replaced and each changed offer gets a history entry.
UNWIND (CASE WHEN size($actors) = 0 THEN [null] ELSE $actors END) AS x
FOREACH (y IN CASE WHEN x IS NULL THEN [] ELSE [x] END |
  MERGE (n:Actor {id: y.id})
  SET n += y.props, n.version = coalesce(n.version, 1), n.sample = coalesce(n.sample, false))
WITH x
OPTIONAL MATCH (:Actor {id: x.id})-[old:LOCATED_IN]->(:District)
DELETE old
WITH DISTINCT x
OPTIONAL MATCH (a:Actor {id: x.id})
OPTIONAL MATCH (d:District {id: x.district_id})
FOREACH (dd IN CASE WHEN a IS NULL OR d IS NULL THEN [] ELSE [d] END | CREATE (a)-[:LOCATED_IN]->(dd))
WITH count(a) AS actors
UNWIND (CASE WHEN size($rows) = 0 THEN [null] ELSE $rows END) AS row
OPTIONAL MATCH (a:Actor {id: row.actor_id})
WITH actors, row, a WHERE a IS NOT NULL
MERGE (o:Offer {id: row.id})
SET o += row.props, o.sample = coalesce(o.sample, false),
    o.version = CASE WHEN row.changes IS NULL THEN coalesce(o.version, 1)
                     ELSE coalesce(o.version, 0) + 1 END,
    o.genders = coalesce(o.genders, []), o.residence_statuses = coalesce(o.residence_statuses, []),
    o.links_accepted = coalesce(o.links_accepted, 0), o.links_decided = coalesce(o.links_decided, 0)
FOREACH (changed IN CASE WHEN row.changes IS NULL THEN [] ELSE [row.changes] END |
  CREATE (:DirectoryChange {id: row.change_id, at: $at, user_id: $user_id, username: $username,
                            action: 'import', changes: changed})-[:CHANGED]->(o))
WITH actors, o, row, a
OPTIONAL MATCH (o)-[old:PROVIDED_BY|COVERS|SERVES|AVAILABLE_IN|FOR]->()
DELETE old
WITH DISTINCT actors, o, row, a
CREATE (o)-[:PROVIDED_BY]->(a)
WITH actors, o, row
OPTIONAL MATCH (t:Topic) WHERE t.id IN row.topics
WITH actors, o, row, collect(t) AS topics
FOREACH (t IN topics | CREATE (o)-[:COVERS]->(t))
WITH actors, o, row
OPTIONAL MATCH (d:District) WHERE d.id IN row.districts
WITH actors, o, row, collect(d) AS districts
FOREACH (d IN districts | CREATE (o)-[:SERVES]->(d))
SET o.district_ids = [x IN districts | x.id]
WITH actors, o, row
OPTIONAL MATCH (l:Language) WHERE l.id IN row.languages
WITH actors, o, row, collect(l) AS languages
FOREACH (l IN languages | CREATE (o)-[:AVAILABLE_IN]->(l))
SET o.language_ids = [x IN languages | x.id]
WITH actors, o, row
OPTIONAL MATCH (g:TargetGroup) WHERE g.id IN row.target_groups
WITH actors, o, collect(g) AS groups
FOREACH (g IN groups | CREATE (o)-[:FOR]->(g))
SET o.target_group_ids = [x IN groups | x.id]
RETURN actors, count(o) AS written
