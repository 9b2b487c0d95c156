// name: record_login :write
// Start a server-side session for a user after a successful login; forget the failed logins
// of this account from this address.
MATCH (u:User {id: $user_id})
SET u.last_login = $now
CREATE (s:AuthSession {id: $session_hash, user_id: u.id, created_at: $now, last_seen: $now})
WITH s
OPTIONAL MATCH (f:LoginFailure {id: $failure_key})
DETACH DELETE f
RETURN DISTINCT s.id AS id
