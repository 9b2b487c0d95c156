// name: record_event :write
// Append one audit event; audit events are never changed or deleted by the app.
CREATE (e:AuditEvent {id: $id, at: $at, user_id: $user_id, username: $username,
                      action: $action, target: $target, details: $details,
                      address: $address, outcome: $outcome, municipality_id: $municipality_id})
RETURN e.id AS id
