// name: rels_case_managed_by_user :many
// The (Case)-[:MANAGED_BY]->(User) relationships of the Case nodes with the given $ids.
UNWIND $ids AS id
MATCH (n:Case {id: id})-[r:MANAGED_BY]->(m:User)
RETURN n.id AS source, m.id AS target, properties(r) AS props
