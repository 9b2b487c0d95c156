// name: touch_session :write
// Note that a session was used now (for the inactivity timeout).
MATCH (s:AuthSession {id: $session_hash})
SET s.last_seen = $now
RETURN s.id AS id
