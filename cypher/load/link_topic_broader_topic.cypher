// name: link_topic_broader_topic :write
// Bulk-create (Topic)-[:BROADER]->(Topic) from $rows of [from id, to id].
UNWIND $rows AS row
MATCH (a:Topic {id: row[0]})
MATCH (b:Topic {id: row[1]})
CREATE (a)-[r:BROADER]->(b)
RETURN count(r) AS created
