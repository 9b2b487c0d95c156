// name: revoke_token :write
// Revoke one of a user's tokens, identified by its shown prefix.
MATCH (t:ApiToken {user_id: $user_id, prefix: $prefix})
WHERE t.revoked = false
SET t.revoked = true, t.revoked_at = $now
RETURN t.prefix AS prefix
