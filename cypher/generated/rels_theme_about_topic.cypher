// name: rels_theme_about_topic :many
// The (Theme)-[:ABOUT]->(Topic) relationships of the Theme nodes with the given $ids.
// Generated from graphsvc/domain/graph_model.py by `make cypher`: do not edit.
UNWIND $ids AS id
MATCH (n:Theme {id: id})-[r:ABOUT]->(m:Topic)
RETURN n.id AS source, m.id AS target, properties(r) AS props
