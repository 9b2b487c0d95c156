// name: export_rels_actor :many
// The outgoing relationships of the Actor nodes with the given $ids.
UNWIND $ids AS id
MATCH (n:Actor {id: id})-[r]->(m)
RETURN n.id AS source, type(r) + ':' + labels(m)[0] AS kind, m.id AS target,
       properties(r) AS props
