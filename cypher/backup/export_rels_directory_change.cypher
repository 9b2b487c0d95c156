// name: export_rels_directory_change :many
// The outgoing relationships of the DirectoryChange nodes with the given $ids.
UNWIND $ids AS id
MATCH (n:DirectoryChange {id: id})-[r]->(m)
RETURN n.id AS source, type(r) + ':' + labels(m)[0] AS kind, m.id AS target,
       properties(r) AS props
