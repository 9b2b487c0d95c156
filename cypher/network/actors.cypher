// name: actors :many
// The organisations of one municipality with their directory details (no case data).
MATCH (a:Actor {municipality_id: $municipality_id})
RETURN a {.id, .name, .kind, .district_id, .description, .address, .phone, .email, .website} AS actor
