// name: create_snapshot :write
// Save a named view of the network (filters, day shown, grouping and layout positions) for one municipality.
CREATE (s:Snapshot {
  id: $id, name: $name, filters_json: $filters_json, positions_json: $positions_json,
  layout: $layout, as_of: $as_of, group_by: $group_by, created_by: $created_by,
  created_at: $created_at, municipality_id: $municipality_id
})
RETURN s {.id, .name, .as_of, .created_by, .created_at} AS snapshot
