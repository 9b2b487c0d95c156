// name: all_memberships :many
// Every working-group membership of all municipalities, with the member's role.
MATCH (a:Actor)-[r:MEMBER_OF]->(w:WorkingGroup)
RETURN a.id AS source, w.id AS target, r.role AS role
