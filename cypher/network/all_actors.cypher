// name: all_actors :many
// Every organisation of all municipalities (id, name, kind, municipality) for the NRW view.
MATCH (a:Actor)
RETURN a.id AS id, a.name AS name, a.kind AS kind, a.municipality_id AS municipality_id
