// name: record_login :write
// Start a server-side session for a user after a successful login; reset failure count.
MATCH (u:User {id: $user_id})
SET u.failed_count = 0, u.locked_until = 0, u.last_login = $now
CREATE (s:AuthSession {id: $session_hash, user_id: u.id, created_at: $now, last_seen: $now})
RETURN s.id AS id
