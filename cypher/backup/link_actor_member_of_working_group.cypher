// name: link_actor_member_of_working_group :write
// Restore (Actor)-[:MEMBER_OF]->(WorkingGroup) from $rows [from, to, props].
UNWIND $rows AS row
MATCH (a:Actor {id: row[0]})
MATCH (b:WorkingGroup {id: row[1]})
CREATE (a)-[r:MEMBER_OF]->(b)
SET r = row[2]
RETURN count(r) AS created
