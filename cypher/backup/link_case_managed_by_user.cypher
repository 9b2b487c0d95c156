// name: link_case_managed_by_user :write
// Restore (Case)-[:MANAGED_BY]->(User) from $rows [from, to, props].
UNWIND $rows AS row
MATCH (a:Case {id: row[0]})
MATCH (b:User {id: row[1]})
CREATE (a)-[r:MANAGED_BY]->(b)
SET r = row[2]
RETURN count(r) AS created
