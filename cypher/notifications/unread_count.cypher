// name: unread_count :scalar
// How many of a user's notifications are unread (the badge in the header).
MATCH (n:Notification {user_id: $user_id})
WHERE n.read_at IS NULL
RETURN count(n) AS unread
