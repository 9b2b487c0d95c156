// name: actor_history :many
// Who changed an organisation, when and what, newest first.
MATCH (:Actor {id: $actor_id})<-[:CHANGED]-(c:DirectoryChange)
RETURN c {.at, .username, .action, .changes} AS change
ORDER BY change.at DESC
LIMIT 200
