// name: search_events :many
// One page of audit events, newest first, of some municipalities (all when the list is
// empty; '' holds events of nobody's municipality), filtered by user, action prefix and time
// range (ISO strings), older than the cursor ($before_at, $before_id).
MATCH (e:AuditEvent)
WHERE (size($municipalities) = 0 OR coalesce(e.municipality_id, '') IN $municipalities)
  AND ($username = '' OR e.username = $username)
  AND ($action = '' OR e.action STARTS WITH $action)
  AND e.at >= $since AND e.at <= $until
  AND (e.at < $before_at OR (e.at = $before_at AND e.id < $before_id))
RETURN e {.id, .at, .username, .action, .target, .details, .address, .outcome} AS event
ORDER BY event.at DESC, event.id DESC
LIMIT $limit
