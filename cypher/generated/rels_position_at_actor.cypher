// name: rels_position_at_actor :many
// The (Position)-[:AT]->(Actor) relationships of the Position nodes with the given $ids.
// Generated from graphsvc/domain/graph_model.py by `make cypher`: do not edit.
UNWIND $ids AS id
MATCH (n:Position {id: id})-[r:AT]->(m:Actor)
RETURN n.id AS source, m.id AS target, properties(r) AS props
