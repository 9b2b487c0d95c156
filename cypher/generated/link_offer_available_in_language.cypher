// name: link_offer_available_in_language :write
// Create (Offer)-[:AVAILABLE_IN]->(Language) from $rows of [start id, end id, props].
// Generated from graphsvc/domain/graph_model.py by `make cypher`: do not edit.
UNWIND $rows AS row
MATCH (a:Offer {id: row[0]})
MATCH (b:Language {id: row[1]})
CREATE (a)-[r:AVAILABLE_IN]->(b)
SET r = row[2]
RETURN count(r) AS created
