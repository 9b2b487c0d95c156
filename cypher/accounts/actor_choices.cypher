// name: actor_choices :many
// Organisations of a municipality as choices for user forms, by name.
MATCH (a:Actor {municipality_id: $municipality_id})
RETURN a.id AS id, a.name AS name
ORDER BY name
