// name: link_case_held_by_actor :write
// Bulk-create (Case)-[:HELD_BY]->(Actor) from $rows of [from id, to id].
UNWIND $rows AS row
MATCH (a:Case {id: row[0]})
MATCH (b:Actor {id: row[1]})
CREATE (a)-[r:HELD_BY]->(b)
RETURN count(r) AS created
