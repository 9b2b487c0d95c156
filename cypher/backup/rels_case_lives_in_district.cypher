// name: rels_case_lives_in_district :many
// The (Case)-[:LIVES_IN]->(District) relationships of the Case nodes with the given $ids.
UNWIND $ids AS id
MATCH (n:Case {id: id})-[r:LIVES_IN]->(m:District)
RETURN n.id AS source, m.id AS target, properties(r) AS props
