// name: create_token :write
// Store a new API token of a user by its hash (the token itself is shown once, never stored).
MATCH (u:User {id: $user_id})
CREATE (t:ApiToken {id: $token_hash, user_id: u.id, name: $name, created_at: $now,
                    expires_at: $expires_at, prefix: $prefix, revoked: false})
RETURN t.prefix AS prefix
