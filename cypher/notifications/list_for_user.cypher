// name: list_for_user :many
// A user's notifications, newest first.
MATCH (n:Notification {user_id: $user_id})
RETURN n {.id, .at, .kind, .pseudonym, .link_id, .status, .decline_reason, .offer_name,
          .actor_name, .by, .feedback, .read_at} AS notification
ORDER BY notification.at DESC
LIMIT $limit
