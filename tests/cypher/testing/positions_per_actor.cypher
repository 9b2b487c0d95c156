// name: positions_per_actor :many
// Case-manager positions per organisation.
MATCH (p:Position)-[:AT]->(a:Actor)
RETURN a.id AS actor, count(p) AS n
