// name: district_choices :many
// The districts of a municipality as choices.
MATCH (d:District {municipality_id: $municipality_id})
RETURN d.id AS id, d.name AS name
ORDER BY name
