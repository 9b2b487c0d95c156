// name: set_active :write
// Enable or disable a user; disabling also ends all of the user's sessions.
MATCH (u:User {id: $user_id})
SET u.active = $active
WITH u
OPTIONAL MATCH (s:AuthSession {user_id: u.id})
WHERE NOT $active
DETACH DELETE s
RETURN DISTINCT u.id AS id
