// name: offer_history :many
// Who changed an offer or organisation, when and what, newest first.
MATCH (c:DirectoryChange)-[:CHANGED]->(x {id: $entity_id})
RETURN c {.at, .username, .action, .changes} AS change
ORDER BY change.at DESC
LIMIT 200
