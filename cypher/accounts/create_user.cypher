// name: create_user :write
// Create a user working for an organisation; nothing is written if the username is taken.
MATCH (a:Actor {id: $actor_id})
OPTIONAL MATCH (taken:User {username: $username})
WITH a, taken
WHERE taken IS NULL
CREATE (u:User {id: $id, username: $username, display_name: $display_name, roles: $roles,
                password_hash: $password_hash, active: true, must_change_password: $must_change,
                municipality_id: a.municipality_id, actor_id: a.id, created_at: $now})
CREATE (u)-[:WORKS_FOR]->(a)
RETURN u.id AS id
