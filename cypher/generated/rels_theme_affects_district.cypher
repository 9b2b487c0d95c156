// name: rels_theme_affects_district :many
// The (Theme)-[:AFFECTS]->(District) relationships of the Theme nodes with the given $ids.
// Generated from graphsvc/domain/graph_model.py by `make cypher`: do not edit.
UNWIND $ids AS id
MATCH (n:Theme {id: id})-[r:AFFECTS]->(m:District)
RETURN n.id AS source, m.id AS target, properties(r) AS props
