// name: demo_users :many
// The demo accounts of the seeds (sample: true) with their roles, active ones only.
MATCH (u:User {sample: true})
WHERE u.active = true
RETURN u.username AS username, u.roles AS roles
ORDER BY u.username
