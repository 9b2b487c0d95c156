// name: rels_user_holds_position :many
// The (User)-[:HOLDS]->(Position) relationships of the User nodes with the given $ids.
// Generated from graphsvc/domain/graph_model.py by `make cypher`: do not edit.
UNWIND $ids AS id
MATCH (n:User {id: id})-[r:HOLDS]->(m:Position)
RETURN n.id AS source, m.id AS target, properties(r) AS props
