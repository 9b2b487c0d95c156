// name: rels_offer_covers_topic :many
// The (Offer)-[:COVERS]->(Topic) relationships of the Offer nodes with the given $ids.
// Generated from graphsvc/domain/graph_model.py by `make cypher`: do not edit.
UNWIND $ids AS id
MATCH (n:Offer {id: id})-[r:COVERS]->(m:Topic)
RETURN n.id AS source, m.id AS target, properties(r) AS props
