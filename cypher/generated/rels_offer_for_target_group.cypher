// name: rels_offer_for_target_group :many
// The (Offer)-[:FOR]->(TargetGroup) relationships of the Offer nodes with the given $ids.
// Generated from graphsvc/domain/graph_model.py by `make cypher`: do not edit.
UNWIND $ids AS id
MATCH (n:Offer {id: id})-[r:FOR]->(m:TargetGroup)
RETURN n.id AS source, m.id AS target, properties(r) AS props
