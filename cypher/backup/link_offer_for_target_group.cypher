// name: link_offer_for_target_group :write
// Restore (Offer)-[:FOR]->(TargetGroup) from $rows [from, to, props].
UNWIND $rows AS row
MATCH (a:Offer {id: row[0]})
MATCH (b:TargetGroup {id: row[1]})
CREATE (a)-[r:FOR]->(b)
SET r = row[2]
RETURN count(r) AS created
