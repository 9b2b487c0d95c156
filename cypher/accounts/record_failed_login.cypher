// name: record_failed_login :write
// Count a failed login within the window; lock the account when the limit is reached.
MATCH (u:User {id: $user_id})
WITH u, CASE WHEN coalesce(u.failed_since, 0) < $window_start THEN 0
             ELSE coalesce(u.failed_count, 0) END AS earlier
SET u.failed_count = earlier + 1,
    u.failed_since = CASE WHEN earlier = 0 THEN $now ELSE u.failed_since END,
    u.locked_until = CASE WHEN earlier + 1 >= $limit THEN $lock_until ELSE 0 END
RETURN u.failed_count AS failed_count, u.locked_until AS locked_until
