// name: rels_actor_cooperates_with_actor :many
// The (Actor)-[:COOPERATES_WITH]->(Actor) relationships of the Actor nodes with the given $ids.
// Generated from graphsvc/domain/graph_model.py by `make cypher`: do not edit.
UNWIND $ids AS id
MATCH (n:Actor {id: id})-[r:COOPERATES_WITH]->(m:Actor)
RETURN n.id AS source, m.id AS target, properties(r) AS props
