// name: create_audit_event :write
// Restore AuditEvent nodes from $rows, one map of every property per node.
UNWIND $rows AS row
CREATE (n:AuditEvent)
SET n = row
RETURN count(n) AS created
