// name: rels_offer_covers_topic :many
// The (Offer)-[:COVERS]->(Topic) relationships of the Offer nodes with the given $ids.
UNWIND $ids AS id
MATCH (n:Offer {id: id})-[r:COVERS]->(m:Topic)
RETURN n.id AS source, m.id AS target, properties(r) AS props
