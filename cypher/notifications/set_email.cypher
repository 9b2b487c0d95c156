// name: set_email :write
// The address a user's notifications are also sent to (null: none).
MATCH (u:User {id: $user_id})
SET u.email = $email
RETURN u.id AS id
