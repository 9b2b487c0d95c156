// name: text :many
// Offers and organisations of a municipality matching the full-text query $text, best first.
CALL db.index.fulltext.queryNodes('offer_text', $text) YIELD node, score
WITH node AS n, score
WHERE n.municipality_id = $municipality_id
RETURN 'offer' AS kind, n.id AS id, n.name AS name, n.valid_until AS valid_until, score
UNION ALL
CALL db.index.fulltext.queryNodes('actor_text', $text) YIELD node, score
WITH node AS n, score
WHERE n.municipality_id = $municipality_id
RETURN 'actor' AS kind, n.id AS id, n.name AS name, null AS valid_until, score
