// name: age_sessions :write
// Make every session look older by $seconds (tests of expiry).
MATCH (s:AuthSession)
SET s.last_seen = s.last_seen - $seconds, s.created_at = s.created_at - $seconds
RETURN count(s) AS aged
