// name: search_events :many
// Audit events, newest first, filtered by user, action prefix and time range (ISO strings).
MATCH (e:AuditEvent)
WHERE ($username = '' OR e.username = $username)
  AND ($action = '' OR e.action STARTS WITH $action)
  AND e.at >= $since AND e.at <= $until
RETURN e {.at, .username, .action, .target, .details, .address, .outcome} AS event
ORDER BY event.at DESC
LIMIT $limit
