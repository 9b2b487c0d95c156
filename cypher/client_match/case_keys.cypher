// name: case_keys :many
// Match keys of a municipality's cases that are not closed, except one organisation's
// ($except_actor = '' for all): the candidates a new intake or a full scan compares with.
MATCH (c:Case {municipality_id: $municipality_id})
WHERE c.match_key IS NOT NULL AND c.phase <> 'closed' AND c.actor_id <> $except_actor
RETURN c.pseudonym AS pseudonym, c.actor_id AS actor_id, c.match_key AS key
