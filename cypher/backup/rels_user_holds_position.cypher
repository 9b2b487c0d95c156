// name: rels_user_holds_position :many
// The (User)-[:HOLDS]->(Position) relationships of the User nodes with the given $ids.
UNWIND $ids AS id
MATCH (n:User {id: id})-[r:HOLDS]->(m:Position)
RETURN n.id AS source, m.id AS target, properties(r) AS props
