// name: export_rels_audit_event :many
// The outgoing relationships of the AuditEvent nodes with the given $ids.
UNWIND $ids AS id
MATCH (n:AuditEvent {id: id})-[r]->(m)
RETURN n.id AS source, type(r) + ':' + labels(m)[0] AS kind, m.id AS target,
       properties(r) AS props
