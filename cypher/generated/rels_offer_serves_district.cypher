// name: rels_offer_serves_district :many
// The (Offer)-[:SERVES]->(District) relationships of the Offer nodes with the given $ids.
// Generated from graphsvc/domain/graph_model.py by `make cypher`: do not edit.
UNWIND $ids AS id
MATCH (n:Offer {id: id})-[r:SERVES]->(m:District)
RETURN n.id AS source, m.id AS target, properties(r) AS props
