// name: set_password :write
// Replace a user's password hash, clear lockout, and end all of the user's sessions.
MATCH (u:User {id: $user_id})
SET u.password_hash = $password_hash, u.must_change_password = $must_change,
    u.failed_count = 0, u.locked_until = 0, u.active = true
WITH u
OPTIONAL MATCH (s:AuthSession {user_id: u.id})
DETACH DELETE s
RETURN DISTINCT u.id AS id
