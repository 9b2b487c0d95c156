// name: link_case_linked_to_offer :write
// Create (Case)-[:LINKED_TO]->(Offer) from $rows of [start id, end id, props].
// Generated from graphsvc/domain/graph_model.py by `make cypher`: do not edit.
UNWIND $rows AS row
MATCH (a:Case {id: row[0]})
MATCH (b:Offer {id: row[1]})
CREATE (a)-[r:LINKED_TO]->(b)
SET r = row[2]
RETURN count(r) AS created
