// name: link_case_consent_topic :write
// Restore (Case)-[:CONSENT]->(Topic) from $rows [from, to, props].
UNWIND $rows AS row
MATCH (a:Case {id: row[0]})
MATCH (b:Topic {id: row[1]})
CREATE (a)-[r:CONSENT]->(b)
SET r = row[2]
RETURN count(r) AS created
