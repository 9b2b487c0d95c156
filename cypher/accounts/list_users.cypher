// name: list_users :many
// All users of a municipality with their organisation, by username.
MATCH (u:User {municipality_id: $municipality_id})
OPTIONAL MATCH (u)-[:WORKS_FOR]->(a:Actor)
RETURN u {.id, .username, .display_name, .roles, .active, .actor_id, .sample} AS user,
       a.name AS actor_name
ORDER BY u.username
