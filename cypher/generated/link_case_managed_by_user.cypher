// name: link_case_managed_by_user :write
// Create (Case)-[:MANAGED_BY]->(User) from $rows of [start id, end id, props].
// Generated from graphsvc/domain/graph_model.py by `make cypher`: do not edit.
UNWIND $rows AS row
MATCH (a:Case {id: row[0]})
MATCH (b:User {id: row[1]})
CREATE (a)-[r:MANAGED_BY]->(b)
SET r = row[2]
RETURN count(r) AS created
