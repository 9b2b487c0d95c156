// name: link_topic_broader_topic :write
// Create (Topic)-[:BROADER]->(Topic) from $rows of [start id, end id, props].
// Generated from graphsvc/domain/graph_model.py by `make cypher`: do not edit.
UNWIND $rows AS row
MATCH (a:Topic {id: row[0]})
MATCH (b:Topic {id: row[1]})
CREATE (a)-[r:BROADER]->(b)
SET r = row[2]
RETURN count(r) AS created
