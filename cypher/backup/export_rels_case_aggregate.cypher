// name: export_rels_case_aggregate :many
// The outgoing relationships of the CaseAggregate nodes with the given $ids.
UNWIND $ids AS id
MATCH (n:CaseAggregate {id: id})-[r]->(m)
RETURN n.id AS source, type(r) + ':' + labels(m)[0] AS kind, m.id AS target,
       properties(r) AS props
