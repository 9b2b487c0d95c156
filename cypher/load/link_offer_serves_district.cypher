// name: link_offer_serves_district :write
// Bulk-create (Offer)-[:SERVES]->(District) from $rows of [from id, to id].
UNWIND $rows AS row
MATCH (a:Offer {id: row[0]})
MATCH (b:District {id: row[1]})
CREATE (a)-[r:SERVES]->(b)
RETURN count(r) AS created
