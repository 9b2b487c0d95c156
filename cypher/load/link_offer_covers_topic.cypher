// name: link_offer_covers_topic :write
// Bulk-create (Offer)-[:COVERS]->(Topic) from $rows of [from id, to id].
UNWIND $rows AS row
MATCH (a:Offer {id: row[0]})
MATCH (b:Topic {id: row[1]})
CREATE (a)-[r:COVERS]->(b)
RETURN count(r) AS created
