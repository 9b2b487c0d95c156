// name: rels_district_part_of_municipality :many
// The (District)-[:PART_OF]->(Municipality) relationships of the District nodes with the given $ids.
// Generated from graphsvc/domain/graph_model.py by `make cypher`: do not edit.
UNWIND $ids AS id
MATCH (n:District {id: id})-[r:PART_OF]->(m:Municipality)
RETURN n.id AS source, m.id AS target, properties(r) AS props
