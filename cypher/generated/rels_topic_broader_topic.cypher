// name: rels_topic_broader_topic :many
// The (Topic)-[:BROADER]->(Topic) relationships of the Topic nodes with the given $ids.
// Generated from graphsvc/domain/graph_model.py by `make cypher`: do not edit.
UNWIND $ids AS id
MATCH (n:Topic {id: id})-[r:BROADER]->(m:Topic)
RETURN n.id AS source, m.id AS target, properties(r) AS props
