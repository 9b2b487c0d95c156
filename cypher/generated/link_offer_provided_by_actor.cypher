// name: link_offer_provided_by_actor :write
// Create (Offer)-[:PROVIDED_BY]->(Actor) from $rows of [start id, end id, props].
// Generated from graphsvc/domain/graph_model.py by `make cypher`: do not edit.
UNWIND $rows AS row
MATCH (a:Offer {id: row[0]})
MATCH (b:Actor {id: row[1]})
CREATE (a)-[r:PROVIDED_BY]->(b)
SET r = row[2]
RETURN count(r) AS created
