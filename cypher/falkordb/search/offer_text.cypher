// name: offer_text :many
// Offer ids of a municipality whose name, description or keywords match the full-text query $text.
CALL db.idx.fulltext.queryNodes('Offer', $text) YIELD node, score
WITH node AS o, score
WHERE o.municipality_id = $municipality_id
RETURN o.id AS id, score
ORDER BY score DESC
LIMIT $limit
