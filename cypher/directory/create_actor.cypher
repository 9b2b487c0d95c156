// name: create_actor :write
// Create an organisation in a municipality with its district and a first history entry; no row if the municipality is unknown.
MATCH (m:Municipality {id: $municipality_id})
CREATE (a:Actor {id: $actor_id})
SET a += $props, a.version = 1, a.municipality_id = m.id
CREATE (c:DirectoryChange {id: $change_id, at: $at, user_id: $user_id, username: $username,
                           action: 'create', changes: $changes})-[:CHANGED]->(a)
WITH a
OPTIONAL MATCH (d:District {id: $district_id})
WITH a, collect(d) AS districts
FOREACH (d IN districts | CREATE (a)-[:LOCATED_IN]->(d))
RETURN a.id AS id, a.version AS version
