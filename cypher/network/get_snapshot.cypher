// name: get_snapshot :one
// One saved view, only if it belongs to the given municipality.
MATCH (s:Snapshot {id: $id})
WHERE s.municipality_id = $municipality_id
RETURN s {.id, .name, .filters_json, .positions_json, .layout, .as_of, .group_by, .created_by, .created_at} AS snapshot
