// name: ok :many
// Lint fixture: a valid Neo4j query (parameters may be undefined at lint time).
MATCH (o:Offer {id: $id}) RETURN o {.id, .name} AS offer
