// name: rels_district_neighbour_of_district :many
// The (District)-[:NEIGHBOUR_OF]->(District) relationships of the District nodes with the given $ids.
// Generated from graphsvc/domain/graph_model.py by `make cypher`: do not edit.
UNWIND $ids AS id
MATCH (n:District {id: id})-[r:NEIGHBOUR_OF]->(m:District)
RETURN n.id AS source, m.id AS target, properties(r) AS props
