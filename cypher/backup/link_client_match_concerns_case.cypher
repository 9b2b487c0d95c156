// name: link_client_match_concerns_case :write
// Restore (ClientMatch)-[:CONCERNS]->(Case) from $rows [from, to, props].
UNWIND $rows AS row
MATCH (a:ClientMatch {id: row[0]})
MATCH (b:Case {id: row[1]})
CREATE (a)-[r:CONCERNS]->(b)
SET r = row[2]
RETURN count(r) AS created
