// name: export_rels_auth_session :many
// The outgoing relationships of the AuthSession nodes with the given $ids.
UNWIND $ids AS id
MATCH (n:AuthSession {id: id})-[r]->(m)
RETURN n.id AS source, type(r) + ':' + labels(m)[0] AS kind, m.id AS target,
       properties(r) AS props
