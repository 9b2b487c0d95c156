// name: link_case_has_need_topic :write
// Restore (Case)-[:HAS_NEED]->(Topic) from $rows [from, to, props].
UNWIND $rows AS row
MATCH (a:Case {id: row[0]})
MATCH (b:Topic {id: row[1]})
CREATE (a)-[r:HAS_NEED]->(b)
SET r = row[2]
RETURN count(r) AS created
