// name: export_rels_snapshot :many
// The outgoing relationships of the Snapshot nodes with the given $ids.
UNWIND $ids AS id
MATCH (n:Snapshot {id: id})-[r]->(m)
RETURN n.id AS source, type(r) + ':' + labels(m)[0] AS kind, m.id AS target,
       properties(r) AS props
