// name: export_rels_client_match :many
// The outgoing relationships of the ClientMatch nodes with the given $ids.
UNWIND $ids AS id
MATCH (n:ClientMatch {id: id})-[r]->(m)
RETURN n.id AS source, type(r) + ':' + labels(m)[0] AS kind, m.id AS target,
       properties(r) AS props
