// name: link_working_group_organised_by_actor :write
// Bulk-create (WorkingGroup)-[:ORGANISED_BY]->(Actor) from $rows of [from id, to id].
UNWIND $rows AS row
MATCH (a:WorkingGroup {id: row[0]})
MATCH (b:Actor {id: row[1]})
CREATE (a)-[r:ORGANISED_BY]->(b)
RETURN count(r) AS created
