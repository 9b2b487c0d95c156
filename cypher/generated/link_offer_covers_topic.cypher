// name: link_offer_covers_topic :write
// Create (Offer)-[:COVERS]->(Topic) from $rows of [start id, end id, props].
// Generated from graphsvc/domain/graph_model.py by `make cypher`: do not edit.
UNWIND $rows AS row
MATCH (a:Offer {id: row[0]})
MATCH (b:Topic {id: row[1]})
CREATE (a)-[r:COVERS]->(b)
SET r = row[2]
RETURN count(r) AS created
