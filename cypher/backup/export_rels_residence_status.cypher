// name: export_rels_residence_status :many
// The outgoing relationships of the ResidenceStatus nodes with the given $ids.
UNWIND $ids AS id
MATCH (n:ResidenceStatus {id: id})-[r]->(m)
RETURN n.id AS source, type(r) + ':' + labels(m)[0] AS kind, m.id AS target,
       properties(r) AS props
