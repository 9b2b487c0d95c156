// name: link_directory_change_changed_actor :write
// Restore (DirectoryChange)-[:CHANGED]->(Actor) from $rows [from, to, props].
UNWIND $rows AS row
MATCH (a:DirectoryChange {id: row[0]})
MATCH (b:Actor {id: row[1]})
CREATE (a)-[r:CHANGED]->(b)
SET r = row[2]
RETURN count(r) AS created
