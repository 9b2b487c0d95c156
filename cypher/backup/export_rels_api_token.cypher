// name: export_rels_api_token :many
// The outgoing relationships of the ApiToken nodes with the given $ids.
UNWIND $ids AS id
MATCH (n:ApiToken {id: id})-[r]->(m)
RETURN n.id AS source, type(r) + ':' + labels(m)[0] AS kind, m.id AS target,
       properties(r) AS props
