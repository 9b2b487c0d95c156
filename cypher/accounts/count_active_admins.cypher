// name: count_active_admins :scalar
// How many active users hold the admin role (start-up creates the first one if none).
MATCH (u:User)
WHERE u.active = true AND 'admin' IN u.roles
RETURN count(u) AS n
