// name: rels_offer_provided_by_actor :many
// The (Offer)-[:PROVIDED_BY]->(Actor) relationships of the Offer nodes with the given $ids.
// Generated from graphsvc/domain/graph_model.py by `make cypher`: do not edit.
UNWIND $ids AS id
MATCH (n:Offer {id: id})-[r:PROVIDED_BY]->(m:Actor)
RETURN n.id AS source, m.id AS target, properties(r) AS props
