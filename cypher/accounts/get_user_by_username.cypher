// name: get_user_by_username :one
// A user with the fields login needs, found by username.
MATCH (u:User {username: $username})
RETURN u {.id, .username, .display_name, .roles, .active, .password_hash, .actor_id,
          .municipality_id, .must_change_password, .failed_count, .failed_since,
          .locked_until} AS user
