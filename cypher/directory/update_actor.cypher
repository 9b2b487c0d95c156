// name: update_actor :write
// Replace an organisation's properties and district if it is still at $version, and record who changed what.
MATCH (a:Actor {id: $actor_id})
WHERE coalesce(a.version, 0) = $version
OPTIONAL MATCH (a)-[old:LOCATED_IN]->()
DELETE old
WITH DISTINCT a
SET a += $props, a.version = $version + 1
CREATE (c:DirectoryChange {id: $change_id, at: $at, user_id: $user_id, username: $username,
                           action: 'update', changes: $changes})-[:CHANGED]->(a)
WITH a
OPTIONAL MATCH (d:District {id: $district_id})
WITH a, collect(d) AS districts
FOREACH (d IN districts | CREATE (a)-[:LOCATED_IN]->(d))
RETURN a.id AS id, a.version AS version
