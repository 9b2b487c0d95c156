// name: link_case_linked_to_offer :write
// Restore (Case)-[:LINKED_TO]->(Offer) from $rows [from, to, props].
UNWIND $rows AS row
MATCH (a:Case {id: row[0]})
MATCH (b:Offer {id: row[1]})
CREATE (a)-[r:LINKED_TO]->(b)
SET r = row[2]
RETURN count(r) AS created
