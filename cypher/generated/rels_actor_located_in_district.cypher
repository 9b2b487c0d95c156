// name: rels_actor_located_in_district :many
// The (Actor)-[:LOCATED_IN]->(District) relationships of the Actor nodes with the given $ids.
// Generated from graphsvc/domain/graph_model.py by `make cypher`: do not edit.
UNWIND $ids AS id
MATCH (n:Actor {id: id})-[r:LOCATED_IN]->(m:District)
RETURN n.id AS source, m.id AS target, properties(r) AS props
