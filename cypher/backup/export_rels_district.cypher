// name: export_rels_district :many
// The outgoing relationships of the District nodes with the given $ids.
UNWIND $ids AS id
MATCH (n:District {id: id})-[r]->(m)
RETURN n.id AS source, type(r) + ':' + labels(m)[0] AS kind, m.id AS target,
       properties(r) AS props
