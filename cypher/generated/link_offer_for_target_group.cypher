// name: link_offer_for_target_group :write
// Create (Offer)-[:FOR]->(TargetGroup) from $rows of [start id, end id, props].
// Generated from graphsvc/domain/graph_model.py by `make cypher`: do not edit.
UNWIND $rows AS row
MATCH (a:Offer {id: row[0]})
MATCH (b:TargetGroup {id: row[1]})
CREATE (a)-[r:FOR]->(b)
SET r = row[2]
RETURN count(r) AS created
