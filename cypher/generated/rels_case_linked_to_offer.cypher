// name: rels_case_linked_to_offer :many
// The (Case)-[:LINKED_TO]->(Offer) relationships of the Case nodes with the given $ids.
// Generated from graphsvc/domain/graph_model.py by `make cypher`: do not edit.
UNWIND $ids AS id
MATCH (n:Case {id: id})-[r:LINKED_TO]->(m:Offer)
RETURN n.id AS source, m.id AS target, properties(r) AS props
