// name: age_tokens :write
// Make every API token look older by $seconds (tests of expiry).
MATCH (t:ApiToken)
SET t.created_at = t.created_at - $seconds, t.expires_at = t.expires_at - $seconds
RETURN count(t) AS aged
