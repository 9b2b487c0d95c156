// name: rels_case_has_need_topic :many
// The (Case)-[:HAS_NEED]->(Topic) relationships of the Case nodes with the given $ids.
// Generated from graphsvc/domain/graph_model.py by `make cypher`: do not edit.
UNWIND $ids AS id
MATCH (n:Case {id: id})-[r:HAS_NEED]->(m:Topic)
RETURN n.id AS source, m.id AS target, properties(r) AS props
