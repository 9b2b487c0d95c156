// name: rels_case_lives_in_district :many
// The (Case)-[:LIVES_IN]->(District) relationships of the Case nodes with the given $ids.
// Generated from graphsvc/domain/graph_model.py by `make cypher`: do not edit.
UNWIND $ids AS id
MATCH (n:Case {id: id})-[r:LIVES_IN]->(m:District)
RETURN n.id AS source, m.id AS target, properties(r) AS props
