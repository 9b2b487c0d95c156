// name: districts :many
// The districts of one municipality, by name.
MATCH (d:District {municipality_id: $municipality_id})
RETURN d {.id, .name} AS district
ORDER BY district.name
