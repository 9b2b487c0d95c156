// name: enable_demo_users :write
// Give every demo account of the seeds (sample: true) that has no password yet the given one, and enable it; accounts with a password of their own keep it.
MATCH (u:User {sample: true})
WHERE u.password_hash IS NULL
SET u.password_hash = $password_hash, u.must_change_password = false, u.active = true,
    u.failed_count = 0, u.locked_until = 0
RETURN u.username AS username
