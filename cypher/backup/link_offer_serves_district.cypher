// name: link_offer_serves_district :write
// Restore (Offer)-[:SERVES]->(District) from $rows [from, to, props].
UNWIND $rows AS row
MATCH (a:Offer {id: row[0]})
MATCH (b:District {id: row[1]})
CREATE (a)-[r:SERVES]->(b)
SET r = row[2]
RETURN count(r) AS created
