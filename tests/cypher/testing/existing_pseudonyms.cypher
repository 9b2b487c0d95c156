// name: existing_pseudonyms :many
// Which of $pseudonyms name a case in the graph (tests of durability).
UNWIND $pseudonyms AS wanted
MATCH (c:Case {pseudonym: wanted})
RETURN c.pseudonym AS pseudonym
