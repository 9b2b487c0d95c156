// name: rels_same_client_pair_concerns_case :many
// The (SameClientPair)-[:CONCERNS]->(Case) relationships of the SameClientPair nodes with the given $ids.
// Generated from graphsvc/domain/graph_model.py by `make cypher`: do not edit.
UNWIND $ids AS id
MATCH (n:SameClientPair {id: id})-[r:CONCERNS]->(m:Case)
RETURN n.id AS source, m.id AS target, properties(r) AS props
