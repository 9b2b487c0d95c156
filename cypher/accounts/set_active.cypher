// name: set_active :write
// Enable or disable a user; disabling also ends all of the user's sessions and API tokens.
MATCH (u:User {id: $user_id})
SET u.active = $active
WITH u
OPTIONAL MATCH (t:ApiToken {user_id: u.id})
WHERE t.revoked = false AND NOT $active
WITH u, collect(t) AS live
FOREACH (t IN live | SET t.revoked = true, t.revoked_at = $now, t.ended_by = 'disabled')
WITH u
OPTIONAL MATCH (s:AuthSession {user_id: u.id})
WHERE NOT $active
DETACH DELETE s
RETURN DISTINCT u.id AS id
