// name: export_rels_working_group :many
// The outgoing relationships of the WorkingGroup nodes with the given $ids.
UNWIND $ids AS id
MATCH (n:WorkingGroup {id: id})-[r]->(m)
RETURN n.id AS source, type(r) + ':' + labels(m)[0] AS kind, m.id AS target,
       properties(r) AS props
