// name: link_topic_broader_topic :write
// Restore (Topic)-[:BROADER]->(Topic) from $rows [from, to, props].
UNWIND $rows AS row
MATCH (a:Topic {id: row[0]})
MATCH (b:Topic {id: row[1]})
CREATE (a)-[r:BROADER]->(b)
SET r = row[2]
RETURN count(r) AS created
