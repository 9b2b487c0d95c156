// name: link_case_managed_by_user :write
// Bulk-create (Case)-[:MANAGED_BY]->(User) from $rows of [from id, to id].
UNWIND $rows AS row
MATCH (a:Case {id: row[0]})
MATCH (b:User {id: row[1]})
CREATE (a)-[r:MANAGED_BY]->(b)
RETURN count(r) AS created
