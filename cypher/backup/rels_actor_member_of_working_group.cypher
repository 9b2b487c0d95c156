// name: rels_actor_member_of_working_group :many
// The (Actor)-[:MEMBER_OF]->(WorkingGroup) relationships of the Actor nodes with the given $ids.
UNWIND $ids AS id
MATCH (n:Actor {id: id})-[r:MEMBER_OF]->(m:WorkingGroup)
RETURN n.id AS source, m.id AS target, properties(r) AS props
