// name: end_session :write
// End one session (logout or expiry).
MATCH (s:AuthSession {id: $session_hash})
DETACH DELETE s
RETURN count(*) AS ended
