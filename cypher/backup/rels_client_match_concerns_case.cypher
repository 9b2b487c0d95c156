// name: rels_client_match_concerns_case :many
// The (ClientMatch)-[:CONCERNS]->(Case) relationships of the ClientMatch nodes with the given $ids.
UNWIND $ids AS id
MATCH (n:ClientMatch {id: id})-[r:CONCERNS]->(m:Case)
RETURN n.id AS source, m.id AS target, properties(r) AS props
