// name: retire_actor :write
// Retire an organisation after $last_day and end its running offers on that day, each with a history entry.
MATCH (a:Actor {id: $actor_id})
WHERE coalesce(a.version, 0) = $version
SET a.retired_on = $last_day, a.version = $version + 1
CREATE (c:DirectoryChange {id: $change_id, at: $at, user_id: $user_id, username: $username,
                           action: 'retire', changes: $changes})-[:CHANGED]->(a)
WITH a
OPTIONAL MATCH (a)<-[:PROVIDED_BY]-(o:Offer)
WHERE o.valid_until IS NULL OR o.valid_until > $last_day
WITH a, collect(o) AS running
FOREACH (o IN running |
  SET o.valid_until = $last_day, o.version = coalesce(o.version, 0) + 1
  CREATE (:DirectoryChange {id: $change_id + '-' + o.id, at: $at, user_id: $user_id,
                            username: $username, action: 'retire', changes: $offer_changes})-[:CHANGED]->(o))
RETURN a.id AS id, a.version AS version, size(running) AS offers_ended
