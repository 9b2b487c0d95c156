// name: get_email :scalar
// The address a user's notifications are also sent to, if any.
MATCH (u:User {id: $user_id})
RETURN u.email AS email
