// name: get_user_by_username :one
// A user with the fields login needs, found by username, and the failed logins counted for
// the login's account and address ($failure_key), if any.
MATCH (u:User {username: $username})
OPTIONAL MATCH (f:LoginFailure {id: $failure_key})
RETURN u {.id, .username, .display_name, .roles, .active, .password_hash, .actor_id,
          .municipality_id, .must_change_password} AS user,
       f {.failed_count, .failed_since, .locked_until} AS failures
