// name: import_directory :write
// Create or update actors from $actors and offers from $rows by id (one statement: all or nothing); an offer running on $today ends on row.ends when that is given.
UNWIND (CASE WHEN size($actors) = 0 THEN [null] ELSE $actors END) AS actor
FOREACH (x IN CASE WHEN actor IS NULL THEN [] ELSE [actor] END |
  MERGE (n:Actor {id: x.id})
  SET n += x.props, n.sample = coalesce(n.sample, false))
WITH count(*) AS ignored
UNWIND $rows AS row
MATCH (a:Actor {id: row.actor_id})
MERGE (o:Offer {id: row.id})
SET o += row.props, o.version = coalesce(o.version, 1), o.sample = coalesce(o.sample, false),
    o.genders = coalesce(o.genders, []), o.residence_statuses = coalesce(o.residence_statuses, []),
    o.links_accepted = coalesce(o.links_accepted, 0), o.links_decided = coalesce(o.links_decided, 0)
SET o.valid_until = CASE
      WHEN row.ends IS NULL OR coalesce(o.valid_from, '') > $today
           OR coalesce(o.valid_until, '9999-12-31') < $today THEN o.valid_until
      ELSE row.ends END
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
SET o.district_ids = [x IN districts | x.id]
WITH o, row
OPTIONAL MATCH (l:Language) WHERE l.id IN row.languages
WITH o, row, collect(l) AS languages
FOREACH (l IN languages | CREATE (o)-[:AVAILABLE_IN]->(l))
SET o.language_ids = [x IN languages | x.id]
WITH o, row
OPTIONAL MATCH (g:TargetGroup) WHERE g.id IN row.target_groups
WITH o, collect(g) AS groups
FOREACH (g IN groups | CREATE (o)-[:FOR]->(g))
SET o.target_group_ids = [x IN groups | x.id]
RETURN count(o) AS written
