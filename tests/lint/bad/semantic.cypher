// name: semantic :one
// Lint fixture: semantic error (x is not defined).
MATCH (o:Offer) RETURN x
