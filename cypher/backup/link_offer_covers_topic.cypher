// name: link_offer_covers_topic :write
// Restore (Offer)-[:COVERS]->(Topic) from $rows [from, to, props].
UNWIND $rows AS row
MATCH (a:Offer {id: row[0]})
MATCH (b:Topic {id: row[1]})
CREATE (a)-[r:COVERS]->(b)
SET r = row[2]
RETURN count(r) AS created
