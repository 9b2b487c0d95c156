// name: rels_case_managed_by_user :many
// The (Case)-[:MANAGED_BY]->(User) relationships of the Case nodes with the given $ids.
// Generated from graphsvc/domain/graph_model.py by `make cypher`: do not edit.
UNWIND $ids AS id
MATCH (n:Case {id: id})-[r:MANAGED_BY]->(m:User)
RETURN n.id AS source, m.id AS target, properties(r) AS props
