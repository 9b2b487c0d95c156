// name: rels_actor_member_of_working_group :many
// The (Actor)-[:MEMBER_OF]->(WorkingGroup) relationships of the Actor nodes with the given $ids.
// Generated from graphsvc/domain/graph_model.py by `make cypher`: do not edit.
UNWIND $ids AS id
MATCH (n:Actor {id: id})-[r:MEMBER_OF]->(m:WorkingGroup)
RETURN n.id AS source, m.id AS target, properties(r) AS props
