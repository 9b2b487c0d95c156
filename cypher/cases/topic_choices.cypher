// name: topic_choices :many
// All topics as choices (id, German and English name), by German name.
MATCH (t:Topic)
RETURN t.id AS id, t.name_de AS name_de, t.name_en AS name_en
ORDER BY name_de
