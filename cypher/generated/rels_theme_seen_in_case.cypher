// name: rels_theme_seen_in_case :many
// The (Theme)-[:SEEN_IN]->(Case) relationships of the Theme nodes with the given $ids.
// Generated from graphsvc/domain/graph_model.py by `make cypher`: do not edit.
UNWIND $ids AS id
MATCH (n:Theme {id: id})-[r:SEEN_IN]->(m:Case)
RETURN n.id AS source, m.id AS target, properties(r) AS props
