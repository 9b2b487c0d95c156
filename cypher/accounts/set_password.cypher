// name: set_password :write
// Replace a user's password hash and lift every lock on the account; end all of the user's
// sessions and API tokens (a token must not outlive the password it was made under). Never
// enables a user.
MATCH (u:User {id: $user_id})
SET u.password_hash = $password_hash, u.must_change_password = $must_change
WITH u
OPTIONAL MATCH (t:ApiToken {user_id: u.id})
WHERE t.revoked = false
WITH u, collect(t) AS live
FOREACH (t IN live | SET t.revoked = true, t.revoked_at = $now, t.ended_by = 'password')
WITH u
OPTIONAL MATCH (f:LoginFailure {user_id: u.id})
DETACH DELETE f
WITH DISTINCT u
OPTIONAL MATCH (s:AuthSession {user_id: u.id})
DETACH DELETE s
RETURN DISTINCT u.id AS id
