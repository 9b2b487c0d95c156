// name: residence_status_choices :many
// All residence-status categories as choices.
MATCH (r:ResidenceStatus)
RETURN r.id AS id, r.name_de AS name_de, r.name_en AS name_en
ORDER BY name_de
