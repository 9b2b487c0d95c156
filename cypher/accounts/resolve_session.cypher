// name: resolve_session :one
// The session (with its active user) for a hashed session id, if both still exist.
// WITH first: FalkorDB would otherwise join every User with the session (a label scan on
// every request); after WITH it looks the user up by the id index.
MATCH (s:AuthSession {id: $session_hash})
WITH s
MATCH (u:User {id: s.user_id})
WHERE u.active = true
RETURN s {.id, .created_at, .last_seen} AS session,
       u {.id, .username, .display_name, .roles, .actor_id, .municipality_id,
          .must_change_password} AS user
