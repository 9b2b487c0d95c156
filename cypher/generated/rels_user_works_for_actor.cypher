// name: rels_user_works_for_actor :many
// The (User)-[:WORKS_FOR]->(Actor) relationships of the User nodes with the given $ids.
// Generated from graphsvc/domain/graph_model.py by `make cypher`: do not edit.
UNWIND $ids AS id
MATCH (n:User {id: id})-[r:WORKS_FOR]->(m:Actor)
RETURN n.id AS source, m.id AS target, properties(r) AS props
