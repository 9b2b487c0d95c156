// name: count_audit_event :scalar
// How many AuditEvent nodes the graph holds.
// Generated from graphsvc/domain/graph_model.py by `make cypher`: do not edit.
MATCH (n:AuditEvent)
RETURN count(n) AS n
