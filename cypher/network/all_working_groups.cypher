// name: all_working_groups :many
// Every working group of all municipalities (id, name, municipality) for the NRW view.
MATCH (w:WorkingGroup)
RETURN w.id AS id, w.name AS name, w.municipality_id AS municipality_id
