// name: working_group_names :many
// The names of all working groups.
MATCH (w:WorkingGroup)
RETURN w.name AS name
