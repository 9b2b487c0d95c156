// name: rels_case_held_by_actor :many
// The (Case)-[:HELD_BY]->(Actor) relationships of the Case nodes with the given $ids.
// Generated from graphsvc/domain/graph_model.py by `make cypher`: do not edit.
UNWIND $ids AS id
MATCH (n:Case {id: id})-[r:HELD_BY]->(m:Actor)
RETURN n.id AS source, m.id AS target, properties(r) AS props
