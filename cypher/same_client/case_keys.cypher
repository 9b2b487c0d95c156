// name: case_keys :one
// Match keys of a municipality's cases that are not closed, except one organisation's
// ($except_actor = '' for all): the candidates a new intake or a full scan compares with.
// Three parallel lists in one row: far cheaper for the client than a row per case.
MATCH (c:Case {municipality_id: $municipality_id})
WHERE c.match_key IS NOT NULL AND c.phase <> 'closed' AND c.actor_id <> $except_actor
RETURN collect(c.pseudonym) AS pseudonyms, collect(c.actor_id) AS actors,
       collect(c.match_key) AS keys
