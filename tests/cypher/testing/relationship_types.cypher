// name: relationship_types :many
// Each relationship type in the graph with how often it occurs.
MATCH ()-[r]->()
RETURN type(r) AS type, count(r) AS n
