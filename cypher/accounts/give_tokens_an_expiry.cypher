// name: give_tokens_an_expiry :write
// Tokens made before tokens expired get one: $seconds after they were made.
MATCH (t:ApiToken)
WHERE t.expires_at IS NULL
SET t.expires_at = t.created_at + $seconds
RETURN count(t) AS changed
