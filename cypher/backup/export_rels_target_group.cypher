// name: export_rels_target_group :many
// The outgoing relationships of the TargetGroup nodes with the given $ids.
UNWIND $ids AS id
MATCH (n:TargetGroup {id: id})-[r]->(m)
RETURN n.id AS source, type(r) + ':' + labels(m)[0] AS kind, m.id AS target,
       properties(r) AS props
