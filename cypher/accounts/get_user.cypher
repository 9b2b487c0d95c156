// name: get_user :one
// A user with its organisation, found by id.
MATCH (u:User {id: $user_id})
OPTIONAL MATCH (u)-[:WORKS_FOR]->(a:Actor)
RETURN u {.id, .username, .display_name, .roles, .active, .actor_id, .municipality_id,
          .must_change_password, .password_hash} AS user, a.name AS actor_name
