// name: record_pairs :write
// Record likely pairs (same client at two organisations); a pair found again keeps its
// status, so a rejected pair stays rejected and a confirmed one stays confirmed.
UNWIND $pairs AS p
MATCH (a:Case {pseudonym: p.case_a})
MATCH (b:Case {pseudonym: p.case_b})
WHERE a.municipality_id = $municipality_id AND b.municipality_id = $municipality_id
MERGE (m:SameClientPair {id: p.id})
ON CREATE SET m.status = 'open', m.found_on = $today, m.municipality_id = $municipality_id,
              m.case_a = p.case_a, m.case_b = p.case_b
SET m.score = p.score
MERGE (m)-[:CONCERNS]->(a)
MERGE (m)-[:CONCERNS]->(b)
RETURN count(m) AS recorded
