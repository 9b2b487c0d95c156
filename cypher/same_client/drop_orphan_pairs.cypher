// name: drop_orphan_pairs :write
// Pairs that lost a case (deleted after retention) go too: a pair alone would still say
// that a client was known to two organisations.
MATCH (m:SameClientPair {municipality_id: $municipality_id})
OPTIONAL MATCH (m)-[:CONCERNS]->(c:Case)
WITH m, count(c) AS cases
WHERE cases < 2
DETACH DELETE m
RETURN count(*) AS deleted
