// name: list_tokens :many
// A user's API tokens (name, prefix, dates, revoked), newest first; never the secret.
MATCH (t:ApiToken {user_id: $user_id})
RETURN t {.name, .prefix, .created_at, .expires_at, .revoked, .revoked_at, .ended_by} AS token
ORDER BY t.created_at DESC
