// name: all_cooperations :many
// Every cooperation between organisations of all municipalities.
MATCH (a:Actor)-[c:COOPERATES_WITH]->(b:Actor)
RETURN a.id AS source, b.id AS target, c.kind AS kind
