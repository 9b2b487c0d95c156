// name: link_offer_provided_by_actor :write
// Restore (Offer)-[:PROVIDED_BY]->(Actor) from $rows [from, to, props].
UNWIND $rows AS row
MATCH (a:Offer {id: row[0]})
MATCH (b:Actor {id: row[1]})
CREATE (a)-[r:PROVIDED_BY]->(b)
SET r = row[2]
RETURN count(r) AS created
