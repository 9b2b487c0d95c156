// name: list_pairs :many
// Recorded pairs of a municipality (all, or one status), best score first, with the two
// organisations and pseudonyms only.
MATCH (m:SameClientPair {municipality_id: $municipality_id})
WHERE $status = '' OR m.status = $status
MATCH (m)-[:CONCERNS]->(a:Case)-[:HELD_BY]->(oa:Actor)
WHERE a.pseudonym = m.case_a
MATCH (m)-[:CONCERNS]->(b:Case)-[:HELD_BY]->(ob:Actor)
WHERE b.pseudonym = m.case_b
RETURN m.id AS id, m.score AS score, m.status AS status, m.found_on AS found_on,
       m.decided_by AS decided_by, m.decided_on AS decided_on,
       a.pseudonym AS case_a, oa.id AS actor_a_id, oa.name AS actor_a, a.phase AS phase_a,
       b.pseudonym AS case_b, ob.id AS actor_b_id, ob.name AS actor_b, b.phase AS phase_b
ORDER BY score DESC, case_a, case_b
