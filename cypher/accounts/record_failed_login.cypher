// name: record_failed_login :write
// Count a failed login of one account from one address ($failure_key) within the window; lock
// that account for that address when the limit is reached.
MERGE (f:LoginFailure {id: $failure_key})
ON CREATE SET f.user_id = $user_id, f.failed_count = 0, f.failed_since = $now, f.locked_until = 0
WITH f, CASE WHEN f.failed_since < $window_start THEN 0 ELSE f.failed_count END AS earlier
SET f.failed_count = earlier + 1,
    f.failed_since = CASE WHEN earlier = 0 THEN $now ELSE f.failed_since END,
    f.locked_until = CASE WHEN earlier + 1 >= $limit THEN $lock_until ELSE 0 END
RETURN f.failed_count AS failed_count, f.locked_until AS locked_until
