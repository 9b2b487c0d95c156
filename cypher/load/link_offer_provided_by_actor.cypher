// name: link_offer_provided_by_actor :write
// Bulk-create (Offer)-[:PROVIDED_BY]->(Actor) from $rows of [from id, to id].
UNWIND $rows AS row
MATCH (a:Offer {id: row[0]})
MATCH (b:Actor {id: row[1]})
CREATE (a)-[r:PROVIDED_BY]->(b)
RETURN count(r) AS created
