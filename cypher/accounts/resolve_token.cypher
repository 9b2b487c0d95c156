// name: resolve_token :one
// The active user behind a valid API token hash: not revoked and not expired.
MATCH (t:ApiToken {id: $token_hash})
WHERE t.revoked = false AND coalesce(t.expires_at, 0) > $now
// WITH first: FalkorDB would otherwise join every User with the token (a label scan on
// every API request); after WITH it looks the user up by the id index.
WITH t
MATCH (u:User {id: t.user_id})
WHERE u.active = true
RETURN u {.id, .username, .display_name, .roles, .actor_id, .municipality_id,
          .must_change_password} AS user
