// name: export_rels_meta :many
// The outgoing relationships of the Meta nodes with the given $ids.
UNWIND $ids AS id
MATCH (n:Meta {id: id})-[r]->(m)
RETURN n.id AS source, type(r) + ':' + labels(m)[0] AS kind, m.id AS target,
       properties(r) AS props
