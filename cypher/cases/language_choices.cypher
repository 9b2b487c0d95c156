// name: language_choices :many
// All languages as choices (ISO code and names).
MATCH (l:Language)
RETURN l.id AS id, l.name_de AS name_de, l.name_en AS name_en
ORDER BY name_de
