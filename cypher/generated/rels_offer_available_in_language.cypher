// name: rels_offer_available_in_language :many
// The (Offer)-[:AVAILABLE_IN]->(Language) relationships of the Offer nodes with the given $ids.
// Generated from graphsvc/domain/graph_model.py by `make cypher`: do not edit.
UNWIND $ids AS id
MATCH (n:Offer {id: id})-[r:AVAILABLE_IN]->(m:Language)
RETURN n.id AS source, m.id AS target, properties(r) AS props
