// name: link_working_group_organised_by_actor :write
// Restore (WorkingGroup)-[:ORGANISED_BY]->(Actor) from $rows [from, to, props].
UNWIND $rows AS row
MATCH (a:WorkingGroup {id: row[0]})
MATCH (b:Actor {id: row[1]})
CREATE (a)-[r:ORGANISED_BY]->(b)
SET r = row[2]
RETURN count(r) AS created
