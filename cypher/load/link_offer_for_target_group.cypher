// name: link_offer_for_target_group :write
// Bulk-create (Offer)-[:FOR]->(TargetGroup) from $rows of [from id, to id].
UNWIND $rows AS row
MATCH (a:Offer {id: row[0]})
MATCH (b:TargetGroup {id: row[1]})
CREATE (a)-[r:FOR]->(b)
RETURN count(r) AS created
