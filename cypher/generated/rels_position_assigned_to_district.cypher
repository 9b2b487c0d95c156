// name: rels_position_assigned_to_district :many
// The (Position)-[:ASSIGNED_TO]->(District) relationships of the Position nodes with the given $ids.
// Generated from graphsvc/domain/graph_model.py by `make cypher`: do not edit.
UNWIND $ids AS id
MATCH (n:Position {id: id})-[r:ASSIGNED_TO]->(m:District)
RETURN n.id AS source, m.id AS target, properties(r) AS props
