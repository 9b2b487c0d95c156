// name: list_snapshots :many
// The saved views of one municipality, newest first.
MATCH (s:Snapshot {municipality_id: $municipality_id})
RETURN s {.id, .name, .as_of, .created_by, .created_at} AS snapshot
ORDER BY snapshot.created_at DESC, snapshot.name
LIMIT 200
