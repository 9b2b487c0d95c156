// name: create_offer :write
// Create an offer of an organisation with its links and a first history entry; no row if the organisation is unknown.
MATCH (a:Actor {id: $actor_id})
CREATE (o:Offer {id: $offer_id})-[:PROVIDED_BY]->(a)
SET o += $props, o.version = 1, o.actor_id = a.id, o.municipality_id = a.municipality_id,
    o.links_accepted = 0, o.links_decided = 0
CREATE (c:DirectoryChange {id: $change_id, at: $at, user_id: $user_id, username: $username,
                           action: 'create', changes: $changes})-[:CHANGED]->(o)
WITH o
OPTIONAL MATCH (t:Topic) WHERE t.id IN $topic_ids
WITH o, collect(t) AS topics
FOREACH (t IN topics | CREATE (o)-[:COVERS]->(t))
WITH o
OPTIONAL MATCH (d:District) WHERE d.id IN $district_ids
WITH o, collect(d) AS districts
FOREACH (d IN districts | CREATE (o)-[:SERVES]->(d))
SET o.district_ids = [x IN districts | x.id]
WITH o
OPTIONAL MATCH (l:Language) WHERE l.id IN $language_ids
WITH o, collect(l) AS languages
FOREACH (l IN languages | CREATE (o)-[:AVAILABLE_IN]->(l))
SET o.language_ids = [x IN languages | x.id]
WITH o
OPTIONAL MATCH (g:TargetGroup) WHERE g.id IN $target_group_ids
WITH o, collect(g) AS groups
FOREACH (g IN groups | CREATE (o)-[:FOR]->(g))
SET o.target_group_ids = [x IN groups | x.id]
RETURN o.id AS id, o.version AS version
