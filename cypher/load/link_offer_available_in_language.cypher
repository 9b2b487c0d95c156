// name: link_offer_available_in_language :write
// Bulk-create (Offer)-[:AVAILABLE_IN]->(Language) from $rows of [from id, to id].
UNWIND $rows AS row
MATCH (a:Offer {id: row[0]})
MATCH (b:Language {id: row[1]})
CREATE (a)-[r:AVAILABLE_IN]->(b)
RETURN count(r) AS created
