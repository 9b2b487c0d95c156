// name: cooperations :many
// Cooperations between organisations of one municipality (stored once per pair), with first and last day.
MATCH (a:Actor {municipality_id: $municipality_id})-[c:COOPERATES_WITH]->(b:Actor)
RETURN a.id AS source, b.id AS target, c.kind AS kind, c.since AS since, c.until AS until
