// name: mark_read :write
// Mark a user's unread notifications as read: those in $ids, or all when $ids is empty.
MATCH (n:Notification {user_id: $user_id})
WHERE n.read_at IS NULL AND (size($ids) = 0 OR n.id IN $ids)
SET n.read_at = $now
RETURN count(n) AS marked
