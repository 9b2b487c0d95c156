// name: export_rels_position :many
// The outgoing relationships of the Position nodes with the given $ids.
UNWIND $ids AS id
MATCH (n:Position {id: id})-[r]->(m)
RETURN n.id AS source, type(r) + ':' + labels(m)[0] AS kind, m.id AS target,
       properties(r) AS props
