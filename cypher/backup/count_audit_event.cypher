// name: count_audit_event :scalar
// How many AuditEvent nodes the graph holds.
MATCH (n:AuditEvent)
RETURN count(n) AS n
