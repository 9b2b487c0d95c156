// name: known_pseudonyms :many
// Which of $pseudonyms are cases of the municipality.
MATCH (c:Case {municipality_id: $municipality_id})
WHERE c.pseudonym IN $pseudonyms
RETURN c.pseudonym AS pseudonym
