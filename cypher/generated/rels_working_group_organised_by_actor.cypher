// name: rels_working_group_organised_by_actor :many
// The (WorkingGroup)-[:ORGANISED_BY]->(Actor) relationships of the WorkingGroup nodes with the given $ids.
// Generated from graphsvc/domain/graph_model.py by `make cypher`: do not edit.
UNWIND $ids AS id
MATCH (n:WorkingGroup {id: id})-[r:ORGANISED_BY]->(m:Actor)
RETURN n.id AS source, m.id AS target, properties(r) AS props
