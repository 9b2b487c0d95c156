// name: link_directory_change_changed_offer :write
// Create (DirectoryChange)-[:CHANGED]->(Offer) from $rows of [start id, end id, props].
// Generated from graphsvc/domain/graph_model.py by `make cypher`: do not edit.
UNWIND $rows AS row
MATCH (a:DirectoryChange {id: row[0]})
MATCH (b:Offer {id: row[1]})
CREATE (a)-[r:CHANGED]->(b)
SET r = row[2]
RETURN count(r) AS created
