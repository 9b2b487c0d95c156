// name: link_offer_available_in_language :write
// Restore (Offer)-[:AVAILABLE_IN]->(Language) from $rows [from, to, props].
UNWIND $rows AS row
MATCH (a:Offer {id: row[0]})
MATCH (b:Language {id: row[1]})
CREATE (a)-[r:AVAILABLE_IN]->(b)
SET r = row[2]
RETURN count(r) AS created
