// name: link_case_has_need_topic :write
// Create (Case)-[:HAS_NEED]->(Topic) from $rows of [start id, end id, props].
// Generated from graphsvc/domain/graph_model.py by `make cypher`: do not edit.
UNWIND $rows AS row
MATCH (a:Case {id: row[0]})
MATCH (b:Topic {id: row[1]})
CREATE (a)-[r:HAS_NEED]->(b)
SET r = row[2]
RETURN count(r) AS created
