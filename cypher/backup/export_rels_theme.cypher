// name: export_rels_theme :many
// The outgoing relationships of the Theme nodes with the given $ids.
UNWIND $ids AS id
MATCH (n:Theme {id: id})-[r]->(m)
RETURN n.id AS source, type(r) + ':' + labels(m)[0] AS kind, m.id AS target,
       properties(r) AS props
