// name: broken :one
// Lint fixture: syntax error (unclosed node pattern).
MATCH (o:Offer RETURN o
