// name: rels_offer_serves_district :many
// The (Offer)-[:SERVES]->(District) relationships of the Offer nodes with the given $ids.
UNWIND $ids AS id
MATCH (n:Offer {id: id})-[r:SERVES]->(m:District)
RETURN n.id AS source, m.id AS target, properties(r) AS props
